#pragma once
// Realistic Walmart Mexico labels for the tests.

#include <string>

#include "labels/label_data.h"

namespace mporders::labels::testing {

// A seller in Guadalajara shipping package 1 of 2 to Mexico City.
LabelData SampleLabel(std::string tracking_number = "499903935503");

}  // namespace mporders::labels::testing
