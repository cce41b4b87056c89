#include "labels/sample_labels.h"

namespace mporders::labels::testing {

LabelData SampleLabel(std::string tracking_number) {
  LabelData label;
  label.tracking_number = std::move(tracking_number);
  label.carrier = "Estafeta";
  label.carrier_service = "Día Siguiente";
  label.purchase_order_id = "1796277083022";
  label.customer_order_id = "5301925427165";
  label.package_no = "1 of 2";
  label.ship_date = "2026-12-04";
  label.weight_kg = 1.25;
  label.sender = {.name = "Artesanías del Bajío S.A. de C.V.",
                  .lines = {"Av. Vallarta 3233", "Col. Vallarta Poniente"},
                  .city = "Guadalajara",
                  .state = "Jalisco",
                  .postal_code = "44110",
                  .country = "MX",
                  .phone = "+52 33 3615 0000"};
  label.recipient = {.name = "María José Peña Núñez",
                     .lines = {"Calle Río Lerma 232, Int. 4", "Col. Cuauhtémoc"},
                     .city = "Ciudad de México",
                     .state = "CDMX",
                     .postal_code = "06500",
                     .country = "MX",
                     .phone = "+52 55 5080 2000"};
  return label;
}

}  // namespace mporders::labels::testing
