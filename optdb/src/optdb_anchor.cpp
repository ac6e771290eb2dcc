// Keeps the optdb object library non-empty while its rooms are filled.
namespace theano::optdb {
int optdb_anchor() { return 0; }
}  // namespace theano::optdb
