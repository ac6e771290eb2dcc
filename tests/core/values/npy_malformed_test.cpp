// Malformed .npy input: each defect gives an IOError saying what is wrong,
// and no truncation or corruption of a valid file crashes the reader.
#include "theano/core/ndarray.h"
#include "values_test_util.h"

namespace theano {
namespace {

using testing::thrown_message;

// A .npy image with `header` (padded and newline-terminated) and `data_bytes` zero bytes.
std::vector<std::byte> image(std::string header, std::size_t data_bytes, int major = 1) {
  const std::size_t prefix = major == 1 ? 10 : 12;
  header += std::string((64 - (prefix + header.size() + 1) % 64) % 64, ' ') + "\n";
  std::string out = "\x93NUMPY";
  out += static_cast<char>(major);
  out += '\0';
  for (std::size_t i = 0; i < prefix - 8; ++i)
    out += static_cast<char>((header.size() >> (8 * i)) & 0xff);
  out += header;
  out += std::string(data_bytes, '\0');
  const auto* p = reinterpret_cast<const std::byte*>(out.data());
  return std::vector<std::byte>(p, p + out.size());
}

std::string header_for(const std::string& descr, const std::string& fortran,
                       const std::string& shape) {
  return "{'descr': " + descr + ", 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
}

std::string parse_error(const std::vector<std::byte>& bytes) {
  return thrown_message<IOError>([&] { parse_npy(bytes); });
}

TEST(NpyMalformed, ValidImageParses) {
  const NDArray a = parse_npy(image(header_for("'<f8'", "False", "(2, 3)"), 48));
  EXPECT_EQ(a.summary(), "float64 (2, 3)");
  EXPECT_EQ(parse_npy(image(header_for("'<f8'", "False", "(2, 3)"), 48, 2)).size(), 6);
}

TEST(NpyMalformed, BadMagicVersionAndLengths) {
  EXPECT_CONTAINS(parse_error({}), "truncated: 0 bytes");
  std::vector<std::byte> bytes = image(header_for("'<f8'", "False", "(1,)"), 8);
  bytes[1] = std::byte{'X'};
  EXPECT_CONTAINS(parse_error(bytes), "bad magic bytes");
  bytes = image(header_for("'<f8'", "False", "(1,)"), 8);
  bytes[6] = std::byte{4};
  EXPECT_CONTAINS(parse_error(bytes), "unsupported format version 4.0");
  bytes[6] = std::byte{1};
  bytes[7] = std::byte{1};
  EXPECT_CONTAINS(parse_error(bytes), "unsupported format version 1.1");
  bytes = image(header_for("'<f8'", "False", "(1,)"), 8);
  bytes[9] = std::byte{0x7f};  // header length now far beyond the file
  EXPECT_CONTAINS(parse_error(bytes), "truncated header: it declares");
  bytes = image(header_for("'<f8'", "False", "(1,)"), 8, 2);
  bytes.resize(11);
  EXPECT_CONTAINS(parse_error(bytes), "truncated header length field");
}

TEST(NpyMalformed, HeaderStructure) {
  EXPECT_CONTAINS(parse_error(image("[1, 2]", 0)), "header is not a dict but a list");
  EXPECT_CONTAINS(parse_error(image("{'descr': '<f8', 'fortran_order': False}", 0)),
                  "lacks key 'shape'");
  EXPECT_CONTAINS(parse_error(image("{'descr': '<f8', 'fortran_order': False, 'shape': (), "
                                    "'extra': 1}",
                                    8)),
                  "unexpected header key 'extra'");
  EXPECT_CONTAINS(parse_error(image("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, "
                                    "'shape': ()}",
                                    8)),
                  "duplicate header key 'descr'");
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "1", "()"), 8)),
                  "'fortran_order' must be True or False, got a int");
  EXPECT_CONTAINS(parse_error(image(header_for("8", "False", "()"), 8)),
                  "'descr' must be a string, got a int");
}

TEST(NpyMalformed, Descr) {
  EXPECT_CONTAINS(parse_error(image(header_for("'<f16'", "False", "()"), 16)),
                  "unknown descr '<f16'");
  EXPECT_CONTAINS(parse_error(image(header_for("'<U5'", "False", "()"), 20)),
                  "unknown descr '<U5'");
  EXPECT_CONTAINS(parse_error(image(header_for("''", "False", "()"), 0)), "unknown descr ''");
  EXPECT_CONTAINS(parse_error(image(header_for("'|O'", "False", "(2,)"), 16)),
                  "object arrays (descr '|O') cannot be loaded");
  EXPECT_CONTAINS(parse_error(image(header_for("[('a', '<i4')]", "False", "(2,)"), 8)),
                  "structured dtypes are not supported");
  EXPECT_CONTAINS(parse_error(image(header_for("'|f8'", "False", "()"), 8)),
                  "invalid byte order '|'");
  EXPECT_CONTAINS(parse_error(image(header_for("'!i4'", "False", "()"), 4)),
                  "invalid byte order '!'");
}

TEST(NpyMalformed, Shape) {
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "False", "(2, -3)"), 0)),
                  "negative dimension -3");
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "False", "(2, 'x')"), 0)),
                  "'shape' must hold integers, got a str");
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "False", "(3)"), 24)),
                  "'shape' must be a tuple of integers, got a int");
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "False", "[3]"), 24)),
                  "'shape' must be a tuple of integers, got a list");
  EXPECT_CONTAINS(
      parse_error(image(header_for("'<f8'", "False", "(1099511627776, 1099511627776)"), 0)),
      "absurdly large");
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "False", "(4611686018427387904,)"), 0)),
                  "absurdly large");
  std::string many = "(";
  for (int i = 0; i < 65; ++i) many += "1, ";
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "False", many + ")"), 8)), "65 dims");
  // A zero dim makes any other dim harmless.
  EXPECT_EQ(parse_npy(image(header_for("'<f8'", "False", "(0, 1099511627776)"), 0)).size(), 0);
}

TEST(NpyMalformed, DataSize) {
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "False", "(2, 3)"), 40)),
                  "truncated data: float64 (2, 3) needs 48 bytes, 40 present");
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "False", "(2, 3)"), 53)),
                  "trailing garbage: 5 bytes after the data of float64 (2, 3)");
  EXPECT_CONTAINS(parse_error(image(header_for("'<i4'", "False", "()"), 0)),
                  "needs 4 bytes, 0 present");
}

TEST(NpyMalformed, LiteralSyntax) {
  EXPECT_CONTAINS(parse_error(image("{'descr: '<f8'}", 0)), "malformed header literal");
  EXPECT_CONTAINS(parse_error(image("{'descr': '<f8'", 0)), "expected '}'");
  EXPECT_CONTAINS(parse_error(image("{'descr': '<f8'} junk", 0)),
                  "unexpected text after the literal");
  EXPECT_CONTAINS(parse_error(image(std::string(40, '(') + "1" + std::string(40, ')'), 0)),
                  "nesting deeper than 16 levels");
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "False", "(99999999999999999999,)"), 0)),
                  "integer does not fit in 64 bits");
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "Maybe", "()"), 8)),
                  "expected a dict, tuple, list, string, integer, True, False or None");
  EXPECT_CONTAINS(parse_error(image(header_for("'<f8'", "False", "(2.5,)"), 8)),
                  "expected an integer");
  EXPECT_CONTAINS(parse_error(image("{'descr': '<f8\\n", 0)), "unsupported escape");
  EXPECT_CONTAINS(parse_error(image("{1: 2}", 0)), "expected a string key");
  EXPECT_CONTAINS(parse_error(image("", 0)), "expected a value");
}

TEST(NpyMalformed, NoTruncationOrCorruptionCrashes) {
  NDArray source = NDArray::from_values<std::int32_t>({1, 2, 3, 4, 5, 6}, {2, 3});
  const std::vector<std::byte> valid = serialize_npy(source);
  for (std::size_t length = 0; length < valid.size(); ++length) {
    const std::vector<std::byte> cut(valid.begin(), valid.begin() + length);
    EXPECT_THROW(parse_npy(cut), IOError) << "length " << length;
  }
  for (std::size_t i = 0; i < 128; ++i) {
    for (int value : {0x00, 0x22, 0x27, 0x28, 0x29, 0x2c, 0x2d, 0x3a, 0x7b, 0x7d, 0xff}) {
      std::vector<std::byte> corrupt = valid;
      corrupt[i] = std::byte(value);
      try {
        const NDArray a = parse_npy(corrupt);
        EXPECT_EQ(a.nbytes(), 24u);  // whatever still parses must describe the 24 data bytes
      } catch (const IOError&) {
      }
    }
  }
}

}  // namespace
}  // namespace theano
