#include "sim/market_data.h"

#include <algorithm>
#include <array>

namespace mporders::sim {
namespace {

// --- Canada: GST, HST, or GST with the provincial tax, by province ----------
// One tax object per charge (the US model has room for one): provinces that
// levy two taxes show their sum under a joined name (docs/behavior.md).
constexpr TaxRule kGst = {"GST", "GST", 5000, 0, false};
constexpr TaxRule kHstOn = {"HST", "HST", 13000, 0, false};
constexpr TaxRule kHstNs = {"HST", "HST", 14000, 0, false};
constexpr TaxRule kHst15 = {"HST", "HST", 15000, 0, false};
constexpr TaxRule kGstQst = {"GST+QST", "GST+QST", 5000, 9975, false};
constexpr TaxRule kGstPstBc = {"GST+PST", "GST+PST", 5000, 7000, false};
constexpr TaxRule kGstRstMb = {"GST+RST", "GST+RST", 5000, 7000, false};
constexpr TaxRule kGstPstSk = {"GST+PST", "GST+PST", 5000, 6000, false};

// Chile and Mexico price with IVA included.
constexpr TaxRule kIvaCl = {"IVA", "IVA", 19000, 0, true};
constexpr TaxRule kIvaMx = {"IVA_TAX", "SHIP_IVA_TAX", 16000, 0, true};

constexpr std::array<Locality, 30> kCanada = {{
    {"Toronto", "ON", "M5V M4C M6G M4W M5A M6P", "416", &kHstOn, false},
    {"Mississauga", "ON", "L5B L5M L4T", "905", &kHstOn, false},
    {"Ottawa", "ON", "K1P K2P K1S K2G", "613", &kHstOn, false},
    {"Hamilton", "ON", "L8P L9A L8L", "905", &kHstOn, false},
    {"London", "ON", "N6A N6G N5V", "519", &kHstOn, false},
    {"Kitchener", "ON", "N2G N2M", "519", &kHstOn, false},
    {"Montréal", "QC", "H2X H3A H2J H4A H1V", "514", &kGstQst, true},
    {"Laval", "QC", "H7N H7T", "450", &kGstQst, true},
    {"Québec", "QC", "G1R G1V G1K", "418", &kGstQst, true},
    {"Gatineau", "QC", "J8X J9H", "819", &kGstQst, true},
    {"Sherbrooke", "QC", "J1H J1J", "819", &kGstQst, true},
    {"Vancouver", "BC", "V6B V5K V6K V5L", "604", &kGstPstBc, false},
    {"Surrey", "BC", "V3T V3W", "604", &kGstPstBc, false},
    {"Burnaby", "BC", "V5H V5G", "604", &kGstPstBc, false},
    {"Victoria", "BC", "V8W V8V", "250", &kGstPstBc, false},
    {"Kelowna", "BC", "V1Y V1W", "250", &kGstPstBc, false},
    {"Calgary", "AB", "T2P T3E T2E T3H", "403", &kGst, false},
    {"Edmonton", "AB", "T5J T6E T5K", "780", &kGst, false},
    {"Red Deer", "AB", "T4N T4P", "403", &kGst, false},
    {"Winnipeg", "MB", "R3C R2M R3T", "204", &kGstRstMb, false},
    {"Regina", "SK", "S4P S4S", "306", &kGstPstSk, false},
    {"Saskatoon", "SK", "S7K S7N", "306", &kGstPstSk, false},
    {"Halifax", "NS", "B3H B3K B3L", "902", &kHstNs, false},
    {"Moncton", "NB", "E1C E1A", "506", &kHst15, false},
    {"Fredericton", "NB", "E3B E3A", "506", &kHst15, false},
    {"Saint John", "NB", "E2L E2K", "506", &kHst15, false},
    {"St. John's", "NL", "A1C A1B A1E", "709", &kHst15, false},
    {"Charlottetown", "PE", "C1A C1E", "902", &kHst15, false},
    {"Whitehorse", "YT", "Y1A", "867", &kGst, false},
    {"Yellowknife", "NT", "X1A", "867", &kGst, false},
}};

// Comunas: postal codes are 7 digits, the first three those of the comuna.
constexpr std::array<Locality, 30> kChile = {{
    {"Santiago", "Región Metropolitana de Santiago", "832", "", &kIvaCl, false},
    {"Providencia", "Región Metropolitana de Santiago", "750", "", &kIvaCl, false},
    {"Las Condes", "Región Metropolitana de Santiago", "755", "", &kIvaCl, false},
    {"Ñuñoa", "Región Metropolitana de Santiago", "775", "", &kIvaCl, false},
    {"Maipú", "Región Metropolitana de Santiago", "925", "", &kIvaCl, false},
    {"Puente Alto", "Región Metropolitana de Santiago", "815", "", &kIvaCl, false},
    {"La Florida", "Región Metropolitana de Santiago", "824", "", &kIvaCl, false},
    {"Vitacura", "Región Metropolitana de Santiago", "763", "", &kIvaCl, false},
    {"Lo Barnechea", "Región Metropolitana de Santiago", "769", "", &kIvaCl, false},
    {"Estación Central", "Región Metropolitana de Santiago", "916", "", &kIvaCl, false},
    {"San Miguel", "Región Metropolitana de Santiago", "890", "", &kIvaCl, false},
    {"Peñalolén", "Región Metropolitana de Santiago", "791", "", &kIvaCl, false},
    {"Viña del Mar", "Valparaíso", "252", "", &kIvaCl, false},
    {"Valparaíso", "Valparaíso", "234", "", &kIvaCl, false},
    {"Concepción", "Biobío", "403", "", &kIvaCl, false},
    {"Talcahuano", "Biobío", "426", "", &kIvaCl, false},
    {"Temuco", "La Araucanía", "478", "", &kIvaCl, false},
    {"Antofagasta", "Antofagasta", "124", "", &kIvaCl, false},
    {"Calama", "Antofagasta", "139", "", &kIvaCl, false},
    {"La Serena", "Coquimbo", "170", "", &kIvaCl, false},
    {"Coquimbo", "Coquimbo", "178", "", &kIvaCl, false},
    {"Rancagua", "Libertador General Bernardo O'Higgins", "282", "", &kIvaCl, false},
    {"Talca", "Maule", "346", "", &kIvaCl, false},
    {"Chillán", "Ñuble", "378", "", &kIvaCl, false},
    {"Puerto Montt", "Los Lagos", "548", "", &kIvaCl, false},
    {"Osorno", "Los Lagos", "529", "", &kIvaCl, false},
    {"Valdivia", "Los Ríos", "509", "", &kIvaCl, false},
    {"Iquique", "Tarapacá", "110", "", &kIvaCl, false},
    {"Arica", "Arica y Parinacota", "100", "", &kIvaCl, false},
    {"Punta Arenas", "Magallanes y de la Antártica Chilena", "620", "", &kIvaCl, false},
}};

// Códigos postales are 5 digits; the first three place the town.
constexpr std::array<Locality, 26> kMexico = {{
    {"Benito Juárez", "Ciudad de México", "031", "55", &kIvaMx, false},
    {"Cuauhtémoc", "Ciudad de México", "060", "55", &kIvaMx, false},
    {"Coyoacán", "Ciudad de México", "043", "55", &kIvaMx, false},
    {"Miguel Hidalgo", "Ciudad de México", "115", "55", &kIvaMx, false},
    {"Tlalpan", "Ciudad de México", "140", "55", &kIvaMx, false},
    {"Iztapalapa", "Ciudad de México", "093", "55", &kIvaMx, false},
    {"Guadalajara", "Jalisco", "441", "33", &kIvaMx, false},
    {"Zapopan", "Jalisco", "451", "33", &kIvaMx, false},
    {"Monterrey", "Nuevo León", "640", "81", &kIvaMx, false},
    {"San Pedro Garza García", "Nuevo León", "662", "81", &kIvaMx, false},
    {"Puebla", "Puebla", "720", "222", &kIvaMx, false},
    {"Santiago de Querétaro", "Querétaro", "760", "442", &kIvaMx, false},
    {"Mérida", "Yucatán", "970", "999", &kIvaMx, false},
    {"Tijuana", "Baja California", "220", "664", &kIvaMx, false},
    {"León", "Guanajuato", "370", "477", &kIvaMx, false},
    {"Cancún", "Quintana Roo", "775", "998", &kIvaMx, false},
    {"Toluca", "Estado de México", "500", "722", &kIvaMx, false},
    {"Naucalpan", "Estado de México", "535", "55", &kIvaMx, false},
    {"Aguascalientes", "Aguascalientes", "200", "449", &kIvaMx, false},
    {"Chihuahua", "Chihuahua", "310", "614", &kIvaMx, false},
    {"Hermosillo", "Sonora", "830", "662", &kIvaMx, false},
    {"San Luis Potosí", "San Luis Potosí", "780", "444", &kIvaMx, false},
    {"Veracruz", "Veracruz", "917", "229", &kIvaMx, false},
    {"Oaxaca de Juárez", "Oaxaca", "680", "951", &kIvaMx, false},
    {"Morelia", "Michoacán", "580", "443", &kIvaMx, false},
    {"Saltillo", "Coahuila", "250", "844", &kIvaMx, false},
}};

constexpr std::array<const char*, 32> kCaFirst = {
    "Olivia", "Liam",    "Emma",     "Noah",    "Charlotte", "William", "Amelia",   "Benjamin",
    "Chloé",  "Olivier", "Léa",      "Félix",   "Florence",  "Thomas",  "Jacob",    "Zoé",
    "Sophie", "Ethan",   "Maya",     "Lucas",   "Priya",     "Arjun",   "Mei",      "Wei",
    "Avery",  "Owen",    "Isabelle", "Gabriel", "Rosalie",   "Mathis",  "Harpreet", "Connor"};
constexpr std::array<const char*, 32> kCaLast = {
    "Tremblay",  "Gagnon", "Roy",       "Côté",     "Bouchard",  "Gauthier", "Morin",  "Lavoie",
    "Fortin",    "Gagné",  "Pelletier", "Smith",    "Brown",     "Wilson",   "Taylor", "Campbell",
    "MacDonald", "Martin", "Anderson",  "Thompson", "Li",        "Wong",     "Chen",   "Singh",
    "Patel",     "Nguyen", "Leblanc",   "Stewart",  "Robertson", "Johnston", "Murray", "Fraser"};
constexpr std::array<const char*, 24> kCaStreets = {
    "Yonge Street",     "King Street West", "Queen Street East", "Bloor Street West",
    "Dundas Street",    "Bank Street",      "Main Street",       "Portage Avenue",
    "Jasper Avenue",    "Robson Street",    "Granville Street",  "Kingsway",
    "Macleod Trail SW", "17 Avenue SW",     "Whyte Avenue",      "Spring Garden Road",
    "Water Street",     "Albert Street",    "Elgin Street",      "Maple Avenue",
    "Birch Crescent",   "Lakeshore Road",   "Victoria Street",   "Church Street"};
constexpr std::array<const char*, 12> kQcStreets = {"rue Sainte-Catherine Ouest",
                                                    "rue Saint-Denis",
                                                    "boulevard Saint-Laurent",
                                                    "avenue du Mont-Royal Est",
                                                    "rue Sherbrooke Est",
                                                    "boulevard René-Lévesque",
                                                    "rue Saint-Jean",
                                                    "chemin Sainte-Foy",
                                                    "boulevard de Maisonneuve",
                                                    "rue Principale",
                                                    "rue King Ouest",
                                                    "boulevard Saint-Martin Ouest"};

constexpr std::array<const char*, 32> kClFirst = {
    "Martina",  "Sofía",       "Isidora",   "Florencia", "Catalina",  "Josefa",    "Agustina",
    "Emilia",   "Antonella",   "Trinidad",  "Javiera",   "Constanza", "Valentina", "Francisca",
    "Fernanda", "Camila",      "Agustín",   "Benjamín",  "Vicente",   "Matías",    "Tomás",
    "Joaquín",  "Maximiliano", "Cristóbal", "Sebastián", "Diego",     "Felipe",    "Ignacio",
    "José",     "Juan Pablo",  "Rodrigo",   "Gonzalo"};
constexpr std::array<const char*, 32> kClLast = {
    "González",  "Muñoz",     "Rojas",     "Díaz",    "Pérez",     "Soto",       "Contreras",
    "Silva",     "Martínez",  "Sepúlveda", "Morales", "Rodríguez", "López",      "Fuentes",
    "Hernández", "Torres",    "Araya",     "Flores",  "Espinoza",  "Valenzuela", "Castillo",
    "Tapia",     "Reyes",     "Gutiérrez", "Castro",  "Pizarro",   "Álvarez",    "Vásquez",
    "Sánchez",   "Fernández", "Ramírez",   "Carrasco"};
constexpr std::array<const char*, 24> kClStreets = {"Avenida Providencia",
                                                    "Avenida Apoquindo",
                                                    "Avenida Irarrázaval",
                                                    "Avenida Vicuña Mackenna",
                                                    "Avenida Libertador Bernardo O'Higgins",
                                                    "Gran Avenida José Miguel Carrera",
                                                    "Avenida Pajaritos",
                                                    "Avenida Grecia",
                                                    "Los Leones",
                                                    "Manuel Montt",
                                                    "Avenida Italia",
                                                    "Avenida Matta",
                                                    "Avenida Libertad",
                                                    "Avenida San Martín",
                                                    "Los Carrera",
                                                    "Arturo Prat",
                                                    "Baquedano",
                                                    "Freire",
                                                    "Colón",
                                                    "Avenida Alemania",
                                                    "Los Aromos",
                                                    "Pasaje Los Olmos",
                                                    "Avenida Pedro de Valdivia",
                                                    "Avenida Las Condes"};

// No name here starts with an accented letter: the RFC takes initials.
constexpr std::array<const char*, 32> kMxFirst = {
    "María",     "José",    "Juan",    "Guadalupe", "Luis",   "Fernanda", "Alejandro",
    "Ximena",    "Diego",   "Valeria", "Santiago",  "Regina", "Mateo",    "Camila",
    "Sebastián", "Renata",  "Miguel",  "Daniela",   "Carlos", "Andrea",   "Jorge",
    "Paola",     "Ricardo", "Mariana", "Francisco", "Lucía",  "Emiliano", "Natalia",
    "Roberto",   "Sofía",   "Eduardo", "Gabriela"};
constexpr std::array<const char*, 32> kMxLast = {
    "Hernández", "García", "Martínez",  "López",  "González", "Rodríguez", "Pérez",     "Sánchez",
    "Ramírez",   "Cruz",   "Flores",    "Gómez",  "Morales",  "Vázquez",   "Reyes",     "Jiménez",
    "Torres",    "Díaz",   "Gutiérrez", "Ruiz",   "Mendoza",  "Aguilar",   "Ortiz",     "Moreno",
    "Castillo",  "Romero", "Herrera",   "Medina", "Chávez",   "Ramos",     "Domínguez", "Vargas"};
constexpr std::array<const char*, 24> kMxStreets = {
    "Avenida Insurgentes Sur", "Paseo de la Reforma",
    "Avenida Revolución",      "Calle Madero",
    "Avenida Juárez",          "Calle Hidalgo",
    "Calle Morelos",           "Avenida Universidad",
    "Calle 5 de Mayo",         "Avenida Chapultepec",
    "Avenida Constitución",    "Calle Allende",
    "Avenida Vallarta",        "Avenida López Mateos",
    "Calle Zaragoza",          "Avenida Tecnológico",
    "Calle Guerrero",          "Calzada de Tlalpan",
    "Avenida Colón",           "Calle Independencia",
    "Avenida Patriotismo",     "Calle Durango",
    "Avenida Hidalgo",         "Boulevard Kukulcán"};
constexpr std::array<const char*, 16> kColonias = {"Col. Centro",
                                                   "Col. Del Valle",
                                                   "Col. Roma Norte",
                                                   "Col. Juárez",
                                                   "Col. Jardines del Bosque",
                                                   "Col. Las Águilas",
                                                   "Col. San José",
                                                   "Col. Reforma",
                                                   "Col. Industrial",
                                                   "Col. Moderna",
                                                   "Col. Lomas Verdes",
                                                   "Col. Country Club",
                                                   "Col. Chapultepec",
                                                   "Col. Santa María",
                                                   "Col. Obrera",
                                                   "Col. Residencial del Valle"};

}  // namespace

std::span<const Locality> Localities(MarketId market) {
  switch (market) {
    case MarketId::kCa:
      return kCanada;
    case MarketId::kCl:
      return kChile;
    case MarketId::kMx:
      return kMexico;
    case MarketId::kUs:
      break;
  }
  return {};
}

std::span<const char* const> MarketFirstNames(MarketId market) {
  switch (market) {
    case MarketId::kCa:
      return kCaFirst;
    case MarketId::kCl:
      return kClFirst;
    case MarketId::kMx:
      return kMxFirst;
    case MarketId::kUs:
      break;
  }
  return {};
}

std::span<const char* const> MarketLastNames(MarketId market) {
  switch (market) {
    case MarketId::kCa:
      return kCaLast;
    case MarketId::kCl:
      return kClLast;
    case MarketId::kMx:
      return kMxLast;
    case MarketId::kUs:
      break;
  }
  return {};
}

std::span<const char* const> MarketStreets(MarketId market) {
  switch (market) {
    case MarketId::kCa:
      return kCaStreets;
    case MarketId::kCl:
      return kClStreets;
    case MarketId::kMx:
      return kMxStreets;
    case MarketId::kUs:
      break;
  }
  return {};
}

std::span<const char* const> QuebecStreets() { return kQcStreets; }
std::span<const char* const> Colonias() { return kColonias; }

std::int64_t ShelfPrice(MarketId market, std::int64_t usd_cents) {
  switch (market) {
    case MarketId::kCa: {
      // About 1.37 CAD to the dollar, then up or down to x.99.
      const std::int64_t cad = usd_cents * 137 / 100;
      return std::max<std::int64_t>(99, (cad + 50) / 100 * 100 - 1);
    }
    case MarketId::kMx: {
      // About 17 pesos to the dollar, whole pesos ending in 9.
      const std::int64_t pesos = usd_cents * 17 / 100;
      return std::max<std::int64_t>(49, (pesos + 5) / 10 * 10 - 1) * 100;
    }
    case MarketId::kCl: {
      // About 930 pesos to the dollar, priced as 12990, 149990, ...
      const std::int64_t pesos = usd_cents * 930 / 100;
      return std::max<std::int64_t>(990, (pesos + 500) / 1000 * 1000 - 10);
    }
    case MarketId::kUs:
      break;
  }
  return usd_cents;
}

}  // namespace mporders::sim
