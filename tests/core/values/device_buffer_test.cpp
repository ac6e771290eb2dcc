// Device parsing, Buffer allocation (alignment, zero bytes, release) and
// NDArray transfers through a fake device registered like a backend would.
#include <cstdlib>
#include <cstring>

#include "theano/core/buffer.h"
#include "theano/core/ndarray.h"
#include "theano/core/registry.h"
#include "values_test_util.h"

namespace theano {
namespace {

using testing::thrown_message;

TEST(Device, ParsesAndPrints) {
  EXPECT_EQ(Device::parse("cpu"), Device::cpu());
  EXPECT_EQ(Device::parse("cpu").str(), "cpu");
  EXPECT_EQ(Device::parse("cpu:0"), Device::cpu());
  const Device cuda = Device::parse("cuda:1");
  EXPECT_EQ(cuda.kind, "cuda");
  EXPECT_EQ(cuda.index, 1);
  EXPECT_EQ(cuda.str(), "cuda:1");
  EXPECT_EQ(Device::parse("cuda").str(), "cuda:0");
  EXPECT_FALSE(cuda.is_cpu());
}

TEST(Device, RejectsMalformedText) {
  for (const char* text : {"", ":1", "cuda:", "cuda:-1", "cuda:x", "cuda:1:2", "CUDA", "1gpu",
                           "cpu:1", "cuda:99999999999"}) {
    const std::string message = thrown_message<ValueError>([&] { Device::parse(text); });
    EXPECT_CONTAINS(message, "malformed device '" + std::string(text) + "'");
  }
}

TEST(Buffer, HostAllocationsAreAlignedEvenForZeroBytes) {
  for (std::size_t bytes : {0, 1, 63, 64, 1000}) {
    auto buffer = Buffer::allocate(bytes);
    ASSERT_NE(buffer->data(), nullptr);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(buffer->data()) % kBufferAlignment, 0u);
    EXPECT_EQ(buffer->size(), bytes);
    EXPECT_TRUE(buffer->device().is_cpu());
    std::memset(buffer->data(), 0xab, bytes);
  }
}

TEST(Buffer, AbsurdHostAllocationIsMemoryError) {
  const std::string message =
      thrown_message<MemoryError>([] { Buffer::allocate(std::size_t{1} << 63); });
  EXPECT_CONTAINS(message, std::to_string(std::size_t{1} << 63));
  EXPECT_CONTAINS(message, "cpu");
}

TEST(Buffer, WrapCallsReleaseOnce) {
  int releases = 0;
  int storage[4] = {};
  {
    auto buffer = Buffer::wrap(storage, sizeof storage, Device::cpu(), [&](void* p) {
      EXPECT_EQ(p, storage);
      ++releases;
    });
    NDArray view = NDArray::from_buffer(buffer, DType::Int32, {4}, {4}, 0);
    buffer.reset();
    EXPECT_EQ(releases, 0);  // the view keeps it alive
  }
  EXPECT_EQ(releases, 1);
}

TEST(Buffer, UnknownDeviceKindIsValueError) {
  const std::string message =
      thrown_message<ValueError>([] { Buffer::allocate(16, Device::parse("nosuchdev:0")); });
  EXPECT_CONTAINS(message, "unknown device kind 'nosuchdev'");
}

// Host memory posing as a device; counts what NDArray asks of it.
class FakeDeviceMemory : public DeviceMemory {
 public:
  void* allocate(std::size_t bytes, std::size_t alignment, int) override {
    if (bytes > kLimit) throw MemoryError("fake device is full");
    ++allocations;
    return std::aligned_alloc(alignment, (bytes + alignment - 1) / alignment * alignment);
  }
  void deallocate(void* ptr, std::size_t, int) noexcept override {
    ++deallocations;
    std::free(ptr);
  }
  void copy(void* dst, const void* src, std::size_t bytes, Direction dir, int) override {
    ++copies[static_cast<int>(dir)];
    std::memcpy(dst, src, bytes);
  }
  static constexpr std::size_t kLimit = 1 << 20;
  int allocations = 0;
  int deallocations = 0;
  int copies[3] = {};
};

std::shared_ptr<FakeDeviceMemory> fake_device() {
  static std::shared_ptr<FakeDeviceMemory> memory = [] {
    auto m = std::make_shared<FakeDeviceMemory>();
    Registry::global().register_plugin("test.values.fakedev", [m](Registrar& r) {
      r.add_device(DeviceSpec{"fakedev", m, [] { return 1; }});
    });
    return m;
  }();
  return memory;
}

TEST(DeviceTransfer, RoundTripsThroughARegisteredDevice) {
  auto memory = fake_device();
  const Device dev = Device::parse("fakedev:0");
  const NDArray host = NDArray::from_values<float>({1, 2, 3, 4, 5, 6}, {2, 3});
  const int before = memory->copies[0];
  NDArray on_device = host.transpose().to(dev);  // non-contiguous source: made contiguous first
  EXPECT_EQ(on_device.device(), dev);
  EXPECT_EQ(on_device.summary(), "float32 (3, 2) on fakedev:0");
  EXPECT_EQ(memory->copies[0], before + 1);
  const NDArray back = on_device.to(Device::cpu());
  EXPECT_TRUE(back.device().is_cpu());
  EXPECT_EQ(back.to_vector<float>(), (std::vector<float>{1, 4, 2, 5, 3, 6}));
  const NDArray device_copy = on_device.copy();
  EXPECT_EQ(device_copy.device(), dev);
  EXPECT_FALSE(device_copy.may_share_memory(on_device));
  EXPECT_TRUE(array_equal(device_copy.to(Device::cpu()), back));
  EXPECT_EQ(NDArray::zeros(DType::Int64, {3}, dev).to(Device::cpu()).to_vector<std::int64_t>(),
            (std::vector<std::int64_t>{0, 0, 0}));
  EXPECT_EQ(on_device.str(), "[[1. 4.]\n [2. 5.]\n [3. 6.]]");
}

TEST(DeviceTransfer, DeviceBuffersAreReleasedAndZeroSizedOnesAllowed) {
  auto memory = fake_device();
  const int freed = memory->deallocations;
  { NDArray a = NDArray::empty(DType::Float64, {8}, Device::parse("fakedev")); }
  EXPECT_EQ(memory->deallocations, freed + 1);
  NDArray empty = NDArray::empty(DType::Float32, {0, 4}, Device::parse("fakedev"));
  EXPECT_EQ(empty.size(), 0);
  EXPECT_EQ(empty.to(Device::cpu()).shape(), (Shape{0, 4}));
}

TEST(DeviceTransfer, DeviceAllocationFailureNamesSizeAndDevice) {
  fake_device();
  const std::string message = thrown_message<MemoryError>(
      [] { NDArray::empty(DType::Float64, {1 << 20}, Device::parse("fakedev:0")); });
  EXPECT_CONTAINS(message, std::to_string(8 << 20) + " bytes on fakedev:0");
  EXPECT_CONTAINS(message, "fake device is full");
}

TEST(DeviceTransfer, HostOnlyOperationsRefuseDeviceArrays) {
  fake_device();
  NDArray a = NDArray::zeros(DType::Float32, {2}, Device::parse("fakedev"));
  const std::string message = thrown_message<NotImplementedError>([&] { a.astype(DType::Int8); });
  EXPECT_CONTAINS(message, "astype");
  EXPECT_CONTAINS(message, "fakedev:0");
}

}  // namespace
}  // namespace theano
