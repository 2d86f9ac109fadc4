#include "base/status.h"

#include <gtest/gtest.h>

namespace policykg {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("odd");
  return x / 2;
}

Status Chain(int x) {
  POLICYKG_RETURN_IF_ERROR(Half(x).status());
  return Status::OK();
}

TEST(Status, OkByDefault) {
  EXPECT_TRUE(Status().ok());
  EXPECT_EQ(Status().code(), Status::Code::kOk);
}

TEST(Status, CarriesCodeAndContext) {
  const Status st = Status::Corrupt("bad header").WithContext("g.pkg");
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kCorrupt);
  EXPECT_EQ(st.message(), "g.pkg: bad header");
}

TEST(Result, HoldsValueOrStatus) {
  auto ok = Half(8);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 4);
  auto bad = Half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "odd");
  EXPECT_THROW(bad.value(), std::bad_variant_access);
}

TEST(Status, ReturnIfErrorPropagates) {
  EXPECT_TRUE(Chain(2).ok());
  EXPECT_EQ(Chain(3).code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace policykg
