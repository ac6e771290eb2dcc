// The user guide's MLP example (see mlp_example.cpp).
#pragma once

#include <string>

namespace example {

struct MlpResult {
  float first_loss = 0;
  float last_loss = 0;
  double accuracy = 0;         ///< on the training set
  bool loaded_agrees = false;  ///< the saved-and-loaded predictor gives the same answers
};

/// Trains the guide's MLP and saves its predictor to `save_path`.
MlpResult train_mlp(const std::string& save_path);

}  // namespace example
