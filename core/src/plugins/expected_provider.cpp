// Which plugin is expected to provide an op, so that asking for an op whose
// plugin is not loaded names the missing plugin. A readable table: exact
// names first, then name prefixes for op families.
#include <array>
#include <string_view>
#include <utility>

#include "theano/core/registry.h"

namespace theano {
namespace {

constexpr std::string_view kElemwise = "theano.ops.elemwise";
constexpr std::string_view kTensor = "theano.ops.tensor";
constexpr std::string_view kBlas = "theano.ops.blas";
constexpr std::string_view kNnet = "theano.ops.nnet";
constexpr std::string_view kConv = "theano.ops.conv";
constexpr std::string_view kScan = "theano.ops.scan";
constexpr std::string_view kRandom = "theano.ops.random";
constexpr std::string_view kSparse = "theano.ops.sparse";
constexpr std::string_view kLinalg = "theano.ops.linalg";
constexpr std::string_view kCuda = "theano.backends.cuda";

using Entry = std::pair<std::string_view, std::string_view>;

constexpr auto kExact = std::to_array<Entry>({
    {"Elemwise", kElemwise},
    {"DimShuffle", kElemwise},
    {"CAReduce", kElemwise},
    {"Sum", kElemwise},
    {"Prod", kElemwise},
    {"Max", kElemwise},
    {"Min", kElemwise},
    {"Argmax", kElemwise},
    {"Argmin", kElemwise},
    {"MaxAndArgmax", kElemwise},
    {"All", kElemwise},
    {"Any", kElemwise},
    {"Mean", kElemwise},
    {"Composite", kElemwise},
    {"Cast", kElemwise},
    {"Second", kElemwise},
    {"Switch", kElemwise},
    {"Subtensor", kTensor},
    {"IncSubtensor", kTensor},
    {"AdvancedSubtensor", kTensor},
    {"AdvancedSubtensor1", kTensor},
    {"AdvancedIncSubtensor", kTensor},
    {"AdvancedIncSubtensor1", kTensor},
    {"AdvancedBooleanSubtensor", kTensor},
    {"Reshape", kTensor},
    {"Flatten", kTensor},
    {"Alloc", kTensor},
    {"AllocEmpty", kTensor},
    {"Join", kTensor},
    {"Split", kTensor},
    {"Shape", kTensor},
    {"Shape_i", kTensor},
    {"MakeVector", kTensor},
    {"SpecifyShape", kTensor},
    {"Rebroadcast", kTensor},
    {"ARange", kTensor},
    {"Eye", kTensor},
    {"Tri", kTensor},
    {"Tile", kTensor},
    {"Repeat", kTensor},
    {"TensorFromScalar", kTensor},
    {"ScalarFromTensor", kTensor},
    {"Sort", kTensor},
    {"ArgSort", kTensor},
    {"CumOp", kTensor},
    {"Nonzero", kTensor},
    {"ExtractDiag", kTensor},
    {"AllocDiag", kTensor},
    {"IfElse", kTensor},
    {"TopK", kTensor},
    {"Unique", kTensor},
    {"DiffOp", kTensor},
    {"Searchsorted", kTensor},
    {"Bincount", kTensor},
    {"TensorDot", kBlas},
    {"Dot", kBlas},
    {"Dot22", kBlas},
    {"Dot22Scalar", kBlas},
    {"Gemm", kBlas},
    {"Gemv", kBlas},
    {"Ger", kBlas},
    {"BatchedDot", kBlas},
    {"Scan", kScan},
    {"CSM", kSparse},
    {"CSMProperties", kSparse},
    {"StructuredDot", kSparse},
    {"SamplingDot", kSparse},
    {"Usmm", kSparse},
    {"TrueDot", kSparse},
    {"MatrixInverse", kLinalg},
    {"MatrixPinv", kLinalg},
    {"Cholesky", kLinalg},
    {"Solve", kLinalg},
    {"Eigh", kLinalg},
    {"Eig", kLinalg},
    {"SVD", kLinalg},
    {"Det", kLinalg},
    {"QRFull", kLinalg},
    {"QRIncomplete", kLinalg},
    {"MRG_RandomStream", kRandom},
    {"RandomFunction", kRandom},
    {"RandomVariable", kRandom},
    {"Multinomial", kRandom},
    {"ConvOp", kConv},
    {"Pool", kConv},
    {"PoolGrad", kConv},
    {"MaxPoolGrad", kConv},
    {"AveragePoolGrad", kConv},
    {"Corr", kConv},
    {"Images2Neibs", kConv},
});

constexpr auto kPrefixes = std::to_array<Entry>({
    {"Gpu", kCuda},
    {"Softmax", kNnet},
    {"LogSoftmax", kNnet},
    {"Crossentropy", kNnet},
    {"Sigmoid", kNnet},
    {"BatchNorm", kNnet},
    {"AbstractConv", kConv},
    {"CorrMM", kConv},
    {"Conv", kConv},
    {"mrg_", kRandom},
    {"Random", kRandom},
    {"Sparse", kSparse},
    {"Gemm", kBlas},
    {"Dot", kBlas},
});

}  // namespace

std::string expected_provider(const std::string& op_name) {
  for (const auto& [name, plugin] : kExact) {
    if (op_name == name) return std::string(plugin);
  }
  for (const auto& [prefix, plugin] : kPrefixes) {
    if (std::string_view(op_name).starts_with(prefix)) return std::string(plugin);
  }
  return {};
}

}  // namespace theano
