// Reading and writing NumPy .npy files (format 1.0, 2.0 and 3.0). Reading
// validates every field and byte count and reports malformed input as an
// IOError; big-endian data is byte-swapped and Fortran-ordered data becomes
// an F-contiguous array. Writing produces little-endian version 1.0 files
// (2.0 when the header is too long), headers padded to 64 bytes as NumPy does.
#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "py_literal.h"
#include "theano/core/ndarray.h"

namespace theano {
namespace {

static_assert(std::endian::native == std::endian::little, ".npy I/O assumes a little-endian host");

constexpr char kMagic[] = "\x93NUMPY";
constexpr std::size_t kMagicSize = 6;
constexpr std::size_t kMaxDims = 64;

using detail::PyLiteral;

[[noreturn]] void malformed(const std::string& what) {
  throw IOError("malformed .npy: " + what);
}

struct Descr {
  DType dtype;
  bool big_endian;
};

Descr parse_descr(const std::string& descr) {
  const std::string supported =
      "supported: '|b1', '|i1', '|u1', '<i2'..'<i8', '<u2'..'<u8', '<f2', '<f4', '<f8', "
      "'<c8', '<c16' and their '>' forms";
  if (descr.size() < 2) malformed("unknown descr '" + descr + "' (" + supported + ")");
  const char order = descr[0];
  const std::string code = descr.substr(1);
  if (code == "O") malformed("object arrays (descr '" + descr + "') cannot be loaded");
  static const std::pair<const char*, DType> kCodes[] = {
      {"b1", DType::Bool},      {"i1", DType::Int8},       {"i2", DType::Int16},
      {"i4", DType::Int32},     {"i8", DType::Int64},      {"u1", DType::UInt8},
      {"u2", DType::UInt16},    {"u4", DType::UInt32},     {"u8", DType::UInt64},
      {"f2", DType::Float16},   {"f4", DType::Float32},    {"f8", DType::Float64},
      {"c8", DType::Complex64}, {"c16", DType::Complex128}};
  for (const auto& [text, dtype] : kCodes) {
    if (code != text) continue;
    const bool single_byte = itemsize(dtype) == 1;
    if (order == '<' || order == '=' || order == '>' || (order == '|' && single_byte)) {
      return Descr{dtype, order == '>' && !single_byte};
    }
    malformed("descr '" + descr + "' has an invalid byte order '" + std::string(1, order) + "'");
  }
  malformed("unknown descr '" + descr + "' (" + supported + ")");
}

struct Header {
  Descr descr;
  bool fortran_order = false;
  Shape shape;
};

Shape parse_shape(const PyLiteral& value) {
  if (value.kind != PyLiteral::Kind::Tuple) {
    malformed("'shape' must be a tuple of integers, got a " + std::string(value.kind_name()));
  }
  if (value.items.size() > kMaxDims) {
    malformed("'shape' has " + std::to_string(value.items.size()) + " dims (at most " +
              std::to_string(kMaxDims) + " supported)");
  }
  Shape shape;
  for (const PyLiteral& dim : value.items) {
    if (dim.kind != PyLiteral::Kind::Integer) {
      malformed("'shape' must hold integers, got a " + std::string(dim.kind_name()));
    }
    if (dim.integer < 0)
      malformed("negative dimension " + std::to_string(dim.integer) + " in 'shape'");
    shape.push_back(dim.integer);
  }
  return shape;
}

Header parse_header(std::string_view text) {
  const PyLiteral dict = detail::parse_py_literal(text);
  if (dict.kind != PyLiteral::Kind::Dict) {
    malformed("header is not a dict but a " + std::string(dict.kind_name()));
  }
  const PyLiteral* descr = nullptr;
  const PyLiteral* fortran = nullptr;
  const PyLiteral* shape = nullptr;
  for (const auto& [key, value] : dict.entries) {
    const PyLiteral** slot = key == "descr"           ? &descr
                             : key == "fortran_order" ? &fortran
                             : key == "shape"         ? &shape
                                                      : nullptr;
    if (slot == nullptr) malformed("unexpected header key '" + key + "'");
    if (*slot != nullptr) malformed("duplicate header key '" + key + "'");
    *slot = &value;
  }
  if (!descr || !fortran || !shape) {
    malformed(std::string("header lacks key '") +
              (!descr     ? "descr"
               : !fortran ? "fortran_order"
                          : "shape") +
              "' (needs 'descr', 'fortran_order' and 'shape')");
  }
  if (descr->kind == PyLiteral::Kind::List) malformed("structured dtypes are not supported");
  if (descr->kind != PyLiteral::Kind::String) {
    malformed("'descr' must be a string, got a " + std::string(descr->kind_name()));
  }
  if (fortran->kind != PyLiteral::Kind::Bool) {
    malformed("'fortran_order' must be True or False, got a " + std::string(fortran->kind_name()));
  }
  return Header{parse_descr(descr->text), fortran->boolean, parse_shape(*shape)};
}

std::uint32_t read_le(std::span<const std::byte> bytes, std::size_t at, std::size_t width) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    value |= static_cast<std::uint32_t>(bytes[at + i]) << (8 * i);
  }
  return value;
}

// Byte-swaps each scalar (each real part of complex numbers) in place.
void swap_bytes(std::byte* data, std::size_t count, DType dtype) {
  const std::size_t width = is_complex(dtype) ? itemsize(dtype) / 2 : itemsize(dtype);
  const std::size_t scalars = count * (itemsize(dtype) / width);
  for (std::size_t i = 0; i < scalars; ++i) std::reverse(data + i * width, data + (i + 1) * width);
}

std::uint64_t data_bytes(const Header& header) {
  std::uint64_t bytes = itemsize(header.descr.dtype);
  for (std::int64_t dim : header.shape) {
    if (dim == 0) return 0;
    if (__builtin_mul_overflow(bytes, static_cast<std::uint64_t>(dim), &bytes) ||
        bytes > (std::uint64_t{1} << 62)) {
      malformed("shape " + shape_str(header.shape) + " is absurdly large");
    }
  }
  return bytes;
}

std::string descr_of(DType dtype) {
  const std::string code = std::string(1, dtype_kind(dtype)) + std::to_string(itemsize(dtype));
  return (itemsize(dtype) == 1 ? "|" : "<") + code;
}

}  // namespace

NDArray parse_npy(std::span<const std::byte> bytes) {
  if (bytes.size() < kMagicSize + 4) {
    malformed("truncated: " + std::to_string(bytes.size()) + " bytes, a header needs at least 10");
  }
  if (std::memcmp(bytes.data(), kMagic, kMagicSize) != 0) {
    malformed("bad magic bytes (not a .npy file; expected \\x93NUMPY)");
  }
  const auto major = static_cast<int>(bytes[6]);
  const auto minor = static_cast<int>(bytes[7]);
  if (major < 1 || major > 3 || minor != 0) {
    malformed("unsupported format version " + std::to_string(major) + "." + std::to_string(minor) +
              " (supported: 1.0, 2.0, 3.0)");
  }
  const std::size_t length_width = major == 1 ? 2 : 4;
  if (bytes.size() < kMagicSize + 2 + length_width) malformed("truncated header length field");
  const std::size_t header_start = kMagicSize + 2 + length_width;
  const std::size_t header_length = read_le(bytes, kMagicSize + 2, length_width);
  if (header_length > bytes.size() - header_start) {
    malformed("truncated header: it declares " + std::to_string(header_length) + " bytes but " +
              std::to_string(bytes.size() - header_start) + " follow");
  }
  const Header header = parse_header(
      std::string_view(reinterpret_cast<const char*>(bytes.data()) + header_start, header_length));
  const std::uint64_t expected = data_bytes(header);
  const std::size_t data_start = header_start + header_length;
  const std::size_t available = bytes.size() - data_start;
  const std::string what =
      std::string(dtype_name(header.descr.dtype)) + " " + shape_str(header.shape);
  if (available < expected) {
    malformed("truncated data: " + what + " needs " + std::to_string(expected) + " bytes, " +
              std::to_string(available) + " present");
  }
  if (available > expected) {
    malformed("trailing garbage: " + std::to_string(available - expected) +
              " bytes after the data of " + what);
  }
  const DType dtype = header.descr.dtype;
  auto buffer = Buffer::allocate(expected);
  if (expected > 0) std::memcpy(buffer->data(), bytes.data() + data_start, expected);
  auto* data = static_cast<std::byte*>(buffer->data());
  const std::size_t count = expected / itemsize(dtype);
  if (header.descr.big_endian) swap_bytes(data, count, dtype);
  if (dtype == DType::Bool) {
    for (std::size_t i = 0; i < count; ++i) data[i] = std::byte{data[i] != std::byte{0}};
  }
  Strides strides = header.fortran_order ? f_strides(header.shape, itemsize(dtype))
                                         : c_strides(header.shape, itemsize(dtype));
  return NDArray::from_buffer(std::move(buffer), dtype, header.shape, std::move(strides), 0);
}

std::vector<std::byte> serialize_npy(const NDArray& array) {
  if (!array.defined()) throw ValueError("serialize_npy: null NDArray");
  const NDArray host = array.device().is_cpu() ? array : array.to(Device::cpu());
  const bool fortran = host.ndim() > 1 && host.is_f_contiguous() && !host.is_c_contiguous();
  const NDArray data = fortran ? host.transpose().ascontiguous() : host.ascontiguous();
  std::string header = "{'descr': '" + descr_of(host.dtype()) +
                       "', 'fortran_order': " + (fortran ? "True" : "False") +
                       ", 'shape': " + shape_str(host.shape()) + ", }";
  const bool v2 = header.size() + 1 + kMagicSize + 4 > 65535;
  const std::size_t prefix = kMagicSize + 2 + (v2 ? 4 : 2);
  const std::size_t padding = (64 - (prefix + header.size() + 1) % 64) % 64;
  header += std::string(padding, ' ') + "\n";
  std::vector<std::byte> out(prefix + header.size() + data.nbytes());
  std::memcpy(out.data(), kMagic, kMagicSize);
  out[6] = std::byte{static_cast<unsigned char>(v2 ? 2 : 1)};
  out[7] = std::byte{0};
  for (std::size_t i = 0; i < prefix - 8; ++i) {
    out[8 + i] = std::byte{static_cast<unsigned char>((header.size() >> (8 * i)) & 0xff)};
  }
  std::memcpy(out.data() + prefix, header.data(), header.size());
  if (data.nbytes() > 0)
    std::memcpy(out.data() + prefix + header.size(), data.raw_data(), data.nbytes());
  return out;
}

NDArray load_npy(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw IOError("cannot read '" + path + "': it is a directory");
  }
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  if (!file) throw IOError("cannot open '" + path + "' for reading: " + std::strerror(errno));
  const std::streamoff size = file.tellg();
  if (size < 0) throw IOError("cannot read '" + path + "': not a regular file");
  std::vector<std::byte> raw(static_cast<std::size_t>(size));
  file.seekg(0);
  file.read(reinterpret_cast<char*>(raw.data()), size);
  if (file.gcount() != size) {
    throw IOError("error reading '" + path + "': got " + std::to_string(file.gcount()) + " of " +
                  std::to_string(size) + " bytes");
  }
  try {
    return parse_npy(raw);
  } catch (const IOError& e) {
    throw IOError("'" + path + "': " + e.what());
  }
}

void save_npy(const std::string& path, const NDArray& array) {
  const std::vector<std::byte> bytes = serialize_npy(array);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw IOError("cannot open '" + path + "' for writing: " + std::strerror(errno));
  file.write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) throw IOError("error writing '" + path + "': " + std::strerror(errno));
}

}  // namespace theano
