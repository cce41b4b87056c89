#include <gtest/gtest.h>

#include "domain/lifecycle.h"
#include "domain/lifecycle_test_support.h"
#include "domain/reason_codes.h"

namespace mporders::test {
namespace {

using S = LineStatus;

// Line 1: shipped, PRODUCT 10.00 + tax 0.80, SHIPPING 5.00. Line 2: acknowledged.
class RefundTest : public ::testing::Test {
 protected:
  void SetUp() override {
    order_ = MakeOrder(
        {MakeLine("1", {{S::kShipped, 2}}, 1000, 80, 500), MakeLine("2", {{S::kAcknowledged, 1}})});
  }

  Status RefundLine1(std::vector<RefundCharge> charges, std::string refund_id = "R-1") {
    return Refund(order_, RefundCmd({PartialRefundLine("1", std::move(charges))}),
                  Ctx(kT0 + kHour, std::move(refund_id)));
  }
  const std::vector<RefundCharge>& RefundCharges() const {
    return order_.order_lines[0].refund->refund_charges;
  }
  // The rejection left the order unchanged.
  Status RejectedRefundLine1(std::vector<RefundCharge> charges) {
    const Order before = order_;
    Status status = RefundLine1(std::move(charges));
    EXPECT_TRUE(order_ == before);
    return status;
  }

  Order order_;
};

TEST_F(RefundTest, PartialRefundAddsARefundBlock) {
  const Order before = order_;
  ASSERT_TRUE(RefundLine1({RefundOf("PRODUCT", -500, -40)}).ok());
  const OrderLine& line = order_.order_lines[0];
  ASSERT_TRUE(line.refund);
  EXPECT_EQ(line.refund->refund_id, "R-1");
  EXPECT_EQ(line.refund->refund_comments, "damaged");
  ASSERT_EQ(RefundCharges().size(), 1u);
  EXPECT_EQ(RefundCharges()[0], RefundOf("PRODUCT", -500, -40));
  // Statuses, statusDate and everything else untouched.
  EXPECT_EQ(line.statuses, before.order_lines[0].statuses);
  EXPECT_EQ(line.status_date, kT0);
  EXPECT_FALSE(line.return_order_id);
  EXPECT_TRUE(order_.order_lines[1] == before.order_lines[1]);
}

TEST_F(RefundTest, LaterRefundsAppendAndKeepTheFirstId) {
  ASSERT_TRUE(RefundLine1({RefundOf("PRODUCT", -100, std::nullopt)}, "R-1").ok());
  ASSERT_TRUE(RefundLine1({RefundOf("SHIPPING", -500, std::nullopt)}, "R-2").ok());
  EXPECT_EQ(order_.order_lines[0].refund->refund_id, "R-1");
  ASSERT_EQ(RefundCharges().size(), 2u);
  EXPECT_EQ(RefundCharges()[1].charge.charge_type, "SHIPPING");
}

TEST_F(RefundTest, CommentsOfTheFirstRefundAreKept) {
  ASSERT_TRUE(
      Refund(order_, RefundCmd({PartialRefundLine("1", {RefundOf("PRODUCT", -1, {})}, "")}), Ctx())
          .ok());
  EXPECT_FALSE(order_.order_lines[0].refund->refund_comments);
  ASSERT_TRUE(RefundLine1({RefundOf("PRODUCT", -1, {})}).ok());
  EXPECT_EQ(order_.order_lines[0].refund->refund_comments, "damaged");
  ASSERT_TRUE(
      Refund(order_, RefundCmd({PartialRefundLine("1", {RefundOf("PRODUCT", -1, {})}, "x")}), Ctx())
          .ok());
  EXPECT_EQ(order_.order_lines[0].refund->refund_comments, "damaged");
}

TEST_F(RefundTest, EmptyRefundIdLeavesNoRefundId) {
  ASSERT_TRUE(RefundLine1({RefundOf("PRODUCT", -100, {})}, "").ok());
  EXPECT_FALSE(order_.order_lines[0].refund->refund_id);
}

TEST_F(RefundTest, SeveralChargesAndRefundsInOneLine) {
  RefundLine line = PartialRefundLine("1", {RefundOf("PRODUCT", -300, -20)});
  line.refunds.push_back(line.refunds[0]);
  line.refunds[1].refund_charges.push_back(RefundOf("SHIPPING", -500, std::nullopt));
  ASSERT_TRUE(Refund(order_, RefundCmd({line}), Ctx()).ok());
  EXPECT_EQ(RefundCharges().size(), 3u);
}

TEST_F(RefundTest, AmountCapIsChargedMinusAlreadyRefunded) {
  ASSERT_TRUE(RefundLine1({RefundOf("PRODUCT", -600, std::nullopt)}).ok());
  EXPECT_TRUE(Rejected(RejectedRefundLine1({RefundOf("PRODUCT", -500, std::nullopt)}),
                       "chargeAmount",
                       "line 1: refund of PRODUCT amount USD 5.00 exceeds the refundable USD 4.00 "
                       "(charged USD 10.00, already refunded USD 6.00)"));
  ASSERT_TRUE(RefundLine1({RefundOf("PRODUCT", -400, std::nullopt)}).ok());
  EXPECT_TRUE(Rejected(RejectedRefundLine1({RefundOf("PRODUCT", -1, std::nullopt)}), "chargeAmount",
                       "refundable USD 0.00"));
}

TEST_F(RefundTest, ChargesOfOneRequestCountTogether) {
  EXPECT_TRUE(Rejected(RejectedRefundLine1({RefundOf("PRODUCT", -600, std::nullopt),
                                            RefundOf("PRODUCT", -401, std::nullopt)}),
                       "chargeAmount", "USD 10.01 exceeds the refundable USD 10.00"));
}

TEST_F(RefundTest, TaxCapIsSeparate) {
  ASSERT_TRUE(RefundLine1({RefundOf("PRODUCT", -100, -80)}).ok());
  EXPECT_TRUE(Rejected(RejectedRefundLine1({RefundOf("PRODUCT", -100, -1)}), "taxAmount",
                       "refund of PRODUCT tax USD 0.01 exceeds the refundable USD 0.00"));
}

TEST_F(RefundTest, ShippingCapIsSeparate) {
  ASSERT_TRUE(RefundLine1({RefundOf("SHIPPING", -500, std::nullopt)}).ok());
  EXPECT_TRUE(Rejected(RejectedRefundLine1({RefundOf("SHIPPING", -1, std::nullopt)}),
                       "chargeAmount", "SHIPPING amount"));
  EXPECT_TRUE(RefundLine1({RefundOf("PRODUCT", -1000, -80)}).ok());
}

TEST_F(RefundTest, ShippingWithoutTaxCannotRefundTax) {
  EXPECT_TRUE(
      Rejected(RejectedRefundLine1({RefundOf("SHIPPING", -100, -1)}), "taxAmount", "SHIPPING tax"));
}

TEST_F(RefundTest, OtherCurrencyHasNothingToRefund) {
  RefundCharge charge = RefundOf("PRODUCT", -100, std::nullopt);
  charge.charge.charge_amount.currency = "CAD";
  EXPECT_TRUE(Rejected(RejectedRefundLine1({charge}), "chargeAmount", "refundable CAD 0.00"));
}

TEST_F(RefundTest, ZeroAmount) {
  EXPECT_TRUE(Rejected(RejectedRefundLine1({RefundOf("PRODUCT", 0, std::nullopt)}), "chargeAmount",
                       "must be negative, not USD 0.00"));
}

TEST_F(RefundTest, PositiveAmount) {
  EXPECT_TRUE(Rejected(RejectedRefundLine1({RefundOf("PRODUCT", 500, std::nullopt)}),
                       "chargeAmount", "must be negative, not USD 5.00"));
}

TEST_F(RefundTest, ZeroTax) {
  EXPECT_TRUE(Rejected(RejectedRefundLine1({RefundOf("PRODUCT", -100, 0)}), "taxAmount",
                       "must be negative"));
}

TEST_F(RefundTest, PositiveTax) {
  EXPECT_TRUE(
      Rejected(RejectedRefundLine1({RefundOf("PRODUCT", -100, 5)}), "taxAmount", "USD 0.05"));
}

TEST_F(RefundTest, EveryUsReasonIsAccepted) {
  for (std::string_view reason : UsRefundReasons()) {
    EXPECT_TRUE(RefundLine1({RefundOf("PRODUCT", -1, std::nullopt, std::string(reason))}).ok())
        << reason;
  }
}

TEST_F(RefundTest, UnknownReason) {
  EXPECT_TRUE(Rejected(
      RejectedRefundLine1({RefundOf("PRODUCT", -1, std::nullopt, "INCORRECT_ITEM_RECEIVED")}),
      "refundReason", "'INCORRECT_ITEM_RECEIVED'"));
}

TEST_F(RefundTest, UnknownChargeType) {
  EXPECT_TRUE(
      Rejected(RejectedRefundLine1({RefundOf("FEE", -1, std::nullopt)}), "chargeType", "'FEE'"));
}

TEST_F(RefundTest, NoRefundCharges) {
  EXPECT_TRUE(Rejected(RejectedRefundLine1({}), "refundCharges", "must not be empty"));
}

TEST_F(RefundTest, LineNotShipped) {
  const Order before = order_;
  EXPECT_TRUE(Rejected(
      Refund(order_, RefundCmd({PartialRefundLine("2", {RefundOf("PRODUCT", -1, {})})}), Ctx()),
      "lineNumber",
      "line 2: only Shipped or Delivered qty can be refunded; 1 qty is Acknowledged"));
  EXPECT_TRUE(order_ == before);
}

TEST_F(RefundTest, CancelledLineCannotBeRefunded) {
  order_ = MakeOrder({MakeLine("1", {{S::kCancelled, 1}})});
  EXPECT_TRUE(Rejected(RejectedRefundLine1({RefundOf("PRODUCT", -1, {})}), "lineNumber",
                       "1 qty is Cancelled"));
}

TEST_F(RefundTest, DeliveredLineCanBeRefunded) {
  order_ = MakeOrder({MakeLine("1", {{S::kDelivered, 1}})});
  EXPECT_TRUE(RefundLine1({RefundOf("PRODUCT", -1, {})}).ok());
}

TEST_F(RefundTest, PurchaseOrderIdMustMatch) {
  const Order before = order_;
  EXPECT_TRUE(Rejected(
      Refund(order_, RefundCmd({PartialRefundLine("1", {RefundOf("PRODUCT", -1, {})})}, "PO-2"),
             Ctx()),
      "purchaseOrderId", "'PO-2'"));
  EXPECT_TRUE(order_ == before);
}

TEST_F(RefundTest, UnknownLine) {
  const Status status =
      Refund(order_, RefundCmd({PartialRefundLine("5", {RefundOf("PRODUCT", -1, {})})}), Ctx());
  EXPECT_EQ(status.description(),
            "Unable to process this request. The Line: 5 of PO: PO-1 does not exist");
}

TEST_F(RefundTest, DuplicateLine) {
  const RefundLine line = PartialRefundLine("1", {RefundOf("PRODUCT", -1, {})});
  EXPECT_TRUE(Rejected(Refund(order_, RefundCmd({line, line}), Ctx()), "lineNumber", "Duplicate"));
  EXPECT_FALSE(order_.order_lines[0].refund);
}

TEST_F(RefundTest, NoLines) {
  EXPECT_TRUE(Rejected(Refund(order_, RefundCmd({}), Ctx()), "orderLines", "empty"));
}

TEST_F(RefundTest, AllOrNothingAcrossLines) {
  order_ = MakeOrder({MakeLine("1", {{S::kShipped, 1}}), MakeLine("2", {{S::kShipped, 1}})});
  const Order before = order_;
  EXPECT_FALSE(Refund(order_,
                      RefundCmd({PartialRefundLine("1", {RefundOf("PRODUCT", -1, {})}),
                                 PartialRefundLine("2", {RefundOf("PRODUCT", -1001, {})})}),
                      Ctx())
                   .ok());
  EXPECT_TRUE(order_ == before);
}

TEST_F(RefundTest, FullRefundTakesEverythingLeft) {
  ASSERT_TRUE(RefundLine1({RefundOf("PRODUCT", -300, -20)}, "R-1").ok());
  RefundLine line =
      PartialRefundLine("1", {RefundOf("PRODUCT", -1, -1, "CustomerChangedMind")}, "returned");
  line.is_full_refund = true;
  ASSERT_TRUE(Refund(order_, RefundCmd({line}), Ctx(kT0, "R-2")).ok());
  const OrderLine& refunded = order_.order_lines[0];
  EXPECT_EQ(refunded.return_order_id, "R-2");
  EXPECT_EQ(refunded.refund->refund_id, "R-1");
  ASSERT_EQ(RefundCharges().size(), 3u);
  const RefundCharge& product = RefundCharges()[1];
  EXPECT_EQ(product.refund_reason, "CustomerChangedMind");
  EXPECT_EQ(product.charge.charge_type, "PRODUCT");
  EXPECT_EQ(product.charge.charge_name, "ItemPrice");
  EXPECT_EQ(product.charge.charge_amount, (Money{"USD", -700}));
  ASSERT_TRUE(product.charge.tax);
  EXPECT_EQ(product.charge.tax->tax_amount, (Money{"USD", -60}));
  EXPECT_EQ(product.charge.tax->tax_name, "Tax1");
  const RefundCharge& shipping = RefundCharges()[2];
  EXPECT_EQ(shipping.charge.charge_type, "SHIPPING");
  EXPECT_EQ(shipping.charge.charge_name, "Shipping");
  EXPECT_EQ(shipping.charge.charge_amount, (Money{"USD", -500}));
  EXPECT_FALSE(shipping.charge.tax);
  EXPECT_TRUE(CheckInvariants(order_).ok());

  // Nothing is left now.
  const Order before = order_;
  EXPECT_TRUE(Rejected(Refund(order_, RefundCmd({line}), Ctx(kT0, "R-3")), "isFullRefund",
                       "nothing left to refund"));
  EXPECT_TRUE(order_ == before);
  EXPECT_TRUE(Rejected(RejectedRefundLine1({RefundOf("PRODUCT", -1, {})}), "chargeAmount",
                       "refundable USD 0.00"));
}

TEST_F(RefundTest, FullRefundWithoutChargesUsesOthers) {
  RefundLine line;
  line.line_number = "1";
  line.is_full_refund = true;
  ASSERT_TRUE(Refund(order_, RefundCmd({line}), Ctx(kT0, "R-9")).ok());
  ASSERT_EQ(RefundCharges().size(), 2u);
  EXPECT_EQ(RefundCharges()[0].refund_reason, "Others");
  EXPECT_EQ(order_.order_lines[0].refund->refund_id, "R-9");
  EXPECT_FALSE(order_.order_lines[0].refund->refund_comments);
}

TEST_F(RefundTest, FullRefundValidatesItsReason) {
  RefundLine line = PartialRefundLine("1", {RefundOf("PRODUCT", 1, 1, "Nope")});
  line.is_full_refund = true;
  const Order before = order_;
  EXPECT_TRUE(Rejected(Refund(order_, RefundCmd({line}), Ctx()), "refundReason", "'Nope'"));
  EXPECT_TRUE(order_ == before);
}

TEST_F(RefundTest, FullRefundIgnoresGivenAmounts) {
  RefundLine line = PartialRefundLine("1", {RefundOf("PRODUCT", 99999, 5)});
  line.is_full_refund = true;
  ASSERT_TRUE(Refund(order_, RefundCmd({line}), Ctx()).ok());
  EXPECT_EQ(RefundCharges()[0].charge.charge_amount.minor, -1000);
}

TEST_F(RefundTest, FullAndPartialLinesDoNotMix) {
  order_ = MakeOrder({MakeLine("1", {{S::kShipped, 1}}), MakeLine("2", {{S::kShipped, 1}})});
  const Order before = order_;
  RefundLine full = PartialRefundLine("2", {});
  full.is_full_refund = true;
  EXPECT_TRUE(Rejected(
      Refund(order_, RefundCmd({PartialRefundLine("1", {RefundOf("PRODUCT", -1, {})}), full}),
             Ctx()),
      "isFullRefund", "full refunds or all partial"));
  EXPECT_TRUE(order_ == before);
}

TEST_F(RefundTest, OverRefundedImportedTypeDoesNotBlockOtherTypes) {
  // Walmart's showcase order carries a positive (nonsensical) refund charge.
  order_.order_lines[0].refund.emplace();
  order_.order_lines[0].refund->refund_charges.push_back(RefundOf("PRODUCT", 79800, 79800));
  EXPECT_TRUE(RefundLine1({RefundOf("SHIPPING", -100, {})}).ok());
  EXPECT_TRUE(RefundLine1({RefundOf("PRODUCT", -1000, -80)}).ok());
}

}  // namespace
}  // namespace mporders::test
