// Small host buffers are recycled through a per-thread cache: a recycled
// block must never alias a live buffer, keep 64-byte alignment and its full
// size for every size class, and stay correct when buffers are allocated
// and released on different threads at once.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "theano/core/buffer.h"

namespace theano {
namespace {

void fill(Buffer& b, std::uint8_t tag) {
  std::memset(b.data(), tag, b.size());
}

bool holds(const Buffer& b, std::uint8_t tag) {
  const auto* p = static_cast<const std::uint8_t*>(b.data());
  for (std::size_t i = 0; i < b.size(); ++i)
    if (p[i] != tag) return false;
  return true;
}

bool aligned(const Buffer& b) {
  return reinterpret_cast<std::uintptr_t>(b.data()) % kBufferAlignment == 0;
}

TEST(SmallBufferReuse, ReleasedBlockIsReusedForTheSameSizeClass) {
  // Empty this thread's cache of 128-byte blocks (it holds at most 8), so
  // the block released below is the one cached on top.
  std::vector<std::shared_ptr<Buffer>> drained;
  for (int i = 0; i < 8; ++i) drained.push_back(Buffer::allocate(128));
  void* first = nullptr;
  {
    auto a = Buffer::allocate(100);
    first = a->data();
  }
  auto b = Buffer::allocate(120);  // same 128-byte class
  EXPECT_EQ(b->data(), first);
  EXPECT_EQ(b->size(), 120u);
  auto c = Buffer::allocate(100);  // the cached block is taken: a new one
  EXPECT_NE(c->data(), b->data());
}

TEST(SmallBufferReuse, LiveBuffersNeverAlias) {
  std::vector<std::shared_ptr<Buffer>> live;
  for (int i = 0; i < 40; ++i) {
    live.push_back(Buffer::allocate(256));
    fill(*live.back(), static_cast<std::uint8_t>(i + 1));
  }
  live.erase(live.begin(), live.begin() + 20);  // 20 blocks go back to the cache
  for (int i = 0; i < 30; ++i) {
    live.push_back(Buffer::allocate(256));
    fill(*live.back(), static_cast<std::uint8_t>(100 + i));
  }
  std::set<void*> distinct;
  for (const auto& b : live) distinct.insert(b->data());
  EXPECT_EQ(distinct.size(), live.size());
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(holds(*live[i], static_cast<std::uint8_t>(21 + i))) << i;
  for (int i = 0; i < 30; ++i)
    EXPECT_TRUE(holds(*live[20 + i], static_cast<std::uint8_t>(100 + i))) << i;
}

TEST(SmallBufferReuse, EverySizeIsAlignedAndFullyWritable) {
  for (std::size_t bytes :
       {0u, 1u, 63u, 64u, 65u, 1000u, 4096u, 65535u, 65536u, 65537u, 262144u, 262145u, 1u << 20}) {
    for (int round = 0; round < 2; ++round) {  // the second round reuses cached blocks
      auto b = Buffer::allocate(bytes);
      EXPECT_EQ(b->size(), bytes);
      EXPECT_TRUE(aligned(*b)) << bytes;
      fill(*b, 0x5a);
      EXPECT_TRUE(holds(*b, 0x5a)) << bytes;
    }
  }
}

// Each thread allocates, checks and releases buffers of many sizes, and
// hands some to its neighbour, which checks and releases them (so blocks
// move between the threads' caches).
TEST(SmallBufferReuse, ConcurrentAllocationAndCrossThreadRelease) {
  constexpr int kThreads = 4, kIterations = 3000;
  std::mutex handoff_mutex;
  std::vector<std::vector<std::pair<std::shared_ptr<Buffer>, std::uint8_t>>> handoff(kThreads);
  std::vector<int> failures(kThreads, 0);
  auto worker = [&](int t) {
    std::vector<std::pair<std::shared_ptr<Buffer>, std::uint8_t>> mine;
    for (int i = 0; i < kIterations; ++i) {
      const std::size_t bytes = 1 + static_cast<std::size_t>((i * 7919 + t * 104729) % 20000);
      const auto tag = static_cast<std::uint8_t>(t * 50 + i % 50 + 1);
      auto b = Buffer::allocate(bytes);
      fill(*b, tag);
      mine.emplace_back(std::move(b), tag);
      if (mine.size() > 16) {
        auto [old, old_tag] = std::move(mine.front());
        mine.erase(mine.begin());
        if (!holds(*old, old_tag) || !aligned(*old)) ++failures[t];
        if (i % 3 == 0) {
          std::lock_guard lock(handoff_mutex);
          handoff[(t + 1) % kThreads].emplace_back(std::move(old), old_tag);
        }
      }
      std::vector<std::pair<std::shared_ptr<Buffer>, std::uint8_t>> received;
      {
        std::lock_guard lock(handoff_mutex);
        received.swap(handoff[t]);
      }
      for (auto& [r, r_tag] : received)
        if (!holds(*r, r_tag)) ++failures[t];
    }
    for (auto& [b, tag] : mine)
      if (!holds(*b, tag)) ++failures[t];
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(worker, t);
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace theano
