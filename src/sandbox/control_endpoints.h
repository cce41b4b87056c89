#pragma once
// Every control API endpoint; sandbox.cc maps them to /sandbox/v1/ paths.

#include "api/call.h"

namespace mporders::sandbox {

using Reply = boost::asio::awaitable<http::Reply>;

// control_orders.cc
Reply PostClient(api::Call& call);
Reply PostOrders(api::Call& call);
Reply PostOrderDeliver(api::Call& call);
Reply PostOrderCustomerCancel(api::Call& call);
Reply PostDeliver(api::Call& call);
Reply PostAutoCancel(api::Call& call);

// Walmart's dynamic sandbox, seller-authenticated (control_orders.cc)
Reply PostSimulationOrders(api::Call& call);
Reply PostSimulationDeliver(api::Call& call);

// control_time.cc
Reply GetClock(api::Call& call);
Reply PutClock(api::Call& call);
Reply PostClockAdvance(api::Call& call);
Reply DeleteClock(api::Call& call);

// control_faults.cc
Reply GetFaults(api::Call& call);
Reply PostFault(api::Call& call);
Reply DeleteFaults(api::Call& call);
Reply DeleteFault(api::Call& call);

// control_state.cc
Reply PostReset(api::Call& call);
Reply GetSnapshot(api::Call& call);
Reply PutSnapshot(api::Call& call);

// control_webhooks.cc
Reply GetSubscriptionsControl(api::Call& call);
Reply GetDeliveries(api::Call& call);
Reply PostDeliveryReplay(api::Call& call);
Reply PostDeliveriesReplay(api::Call& call);

// control_read.cc
Reply GetSellers(api::Call& call);
Reply GetSellerOrders(api::Call& call);
Reply GetSellerOrder(api::Call& call);

}  // namespace mporders::sandbox
