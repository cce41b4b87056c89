#pragma once
// Request bodies of the write endpoints, XML form: the JSON forms of
// command_json.h with the envelope as the root element, in
// http://walmart.com/mp/v3/orders or http://walmart.com/mp/orders, and every
// JSON array as repeated elements under its wrapper:
//
//   <ns3:orderShipment xmlns:ns3="http://walmart.com/mp/v3/orders">
//     <ns3:orderLines><ns3:orderLine><ns3:lineNumber>1</ns3:lineNumber>
//       <ns3:orderLineStatuses><ns3:orderLineStatus>...</ns3:orderLineStatus>
//       </ns3:orderLineStatuses></ns3:orderLine></ns3:orderLines>
//   </ns3:orderShipment>
//
// They decode to the same commands, with the same validation and the same
// error texts (paths in JSON notation), as the JSON forms. The guards of
// xml_reader.h apply: no DOCTYPE, bounded depth and size, strict root
// namespace.

#include <string_view>

#include "core/status.h"
#include "domain/commands.h"

namespace mporders {

Result<ShipCommand> DecodeShipCommandXml(std::string_view xml);
Result<CancelCommand> DecodeCancelCommandXml(std::string_view xml);
Result<RefundCommand> DecodeRefundCommandXml(std::string_view xml);

}  // namespace mporders
