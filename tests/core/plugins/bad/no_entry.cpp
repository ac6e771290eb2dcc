// Bad test plugin: a valid shared library that exports no entry symbol.
extern "C" __attribute__((visibility("default"))) int not_a_theano_plugin(void) {
  return 7;
}
