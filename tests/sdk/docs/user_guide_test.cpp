// docs/user-guide.md's example trains, generalises on its data, and its
// saved predictor answers as the original.
#include <gtest/gtest.h>

#include <filesystem>

#include "mlp_example.h"

TEST(UserGuide, MlpExampleTrainsAndShips) {
  std::string path =
      (std::filesystem::temp_directory_path() / "theano_guide_predict.json").string();
  example::MlpResult r = example::train_mlp(path);
  EXPECT_LT(r.last_loss, 0.25f * r.first_loss);
  EXPECT_GT(r.accuracy, 0.95);
  EXPECT_TRUE(r.loaded_agrees);
  std::filesystem::remove(path);
}
