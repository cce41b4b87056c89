#include "sim/catalog.h"

#include <array>
#include <string>
#include <vector>

#include "sim/random.h"

namespace mporders::sim {
namespace {

// Brands are invented; names, SKU shapes and prices follow what marketplace
// listings look like so that demo data reads as real.
constexpr Product kProducts[] = {
    // Home and kitchen
    {"Homefield 12-Piece Nonstick Aluminum Cookware Set, Charcoal", "HF-CW12-CHR", 6988, "14.2",
     true, false},
    {"Homefield 8 Quart Electric Pressure Cooker, Stainless Steel", "HF-PC8Q-SS", 7999, "12.6",
     true, false},
    {"Brightline 5-Speed Countertop Blender with 48 oz Jar, Black", "BRL-BL548-BK", 3497, "7.9",
     true, false},
    {"Brightline 2-Slice Wide Slot Toaster, Matte White", "BRL-TS2-WH", 2188, "3.1", true, false},
    {"Kettle & Co. 1.7 L Electric Glass Kettle with Blue LED", "KTC-EK17-GL", 2599, "2.9", true,
     false},
    {"Larkspur 16-Piece Stoneware Dinnerware Set, Sage Green", "LSP-DW16-SG", 5450, "24.5", true,
     false},
    {"Larkspur 20-Piece Stainless Steel Flatware Set", "LSP-FW20-SS", 2299, "3.4", true, false},
    {"Homefield 3-Piece Bamboo Cutting Board Set", "HF-CB3-BAM", 1897, "4.0", true, false},
    {"Freshway 10-Piece Glass Food Storage Containers with Locking Lids", "FW-GS10-LL", 2999, "8.7",
     true, false},
    {"Aroma Peak 12-Cup Programmable Drip Coffee Maker, Black", "APK-CM12-BK", 3999, "6.2", true,
     false},
    {"Aroma Peak Single Serve Pod Coffee Brewer, Red", "APK-SS1-RD", 5999, "5.5", true, false},
    {"Crispwell 6 Quart Digital Air Fryer with 8 Presets", "CRW-AF6-DG", 6488, "11.0", true, false},
    {"Homefield Cast Iron Skillet, 12 inch, Pre-Seasoned", "HF-CI12", 2497, "7.8", true, false},
    {"Dreamnest 400 Thread Count Cotton Sheet Set, Queen, White", "DN-SS400-Q-WH", 3999, "3.6",
     true, false},
    {"Dreamnest Memory Foam Pillow, Standard, 2 Pack", "DN-MFP-STD2", 3488, "6.0", true, false},
    {"Dreamnest 10 inch Hybrid Mattress in a Box, Queen", "DN-HM10-Q", 29900, "68.0", true, true},
    {"Cozyloft Sherpa Throw Blanket, 50 x 60 in, Heather Gray", "CZL-TB5060-HG", 1998, "2.4", true,
     false},
    {"Cozyloft 6-Piece Bath Towel Set, Navy", "CZL-BT6-NV", 2796, "5.1", true, false},
    {"Tidyhome 3-Tier Rolling Utility Cart, White", "TDH-RC3-WH", 2999, "9.3", true, false},
    {"Tidyhome Collapsible Fabric Storage Cubes, 6 Pack, Gray", "TDH-SC6-GR", 2497, "4.4", true,
     false},
    {"Tidyhome 5-Shelf Wire Shelving Unit, Chrome, 72 in", "TDH-WS5-CHR", 8999, "38.5", true,
     false},
    {"Urbanwood 6-Drawer Dresser, Espresso", "UBW-DR6-ESP", 18900, "96.0", true, true},
    {"Urbanwood 3-Seat Fabric Sofa, Charcoal Gray", "UBW-SF3-CG", 44900, "112.0", true, true},
    {"Urbanwood 47 inch Writing Desk with Drawer, Rustic Oak", "UBW-WD47-RO", 11999, "52.0", true,
     true},
    {"Lumina 3-Way Arc Floor Lamp, Brushed Nickel", "LUM-AF3-BN", 5988, "13.5", true, false},
    {"Lumina LED Desk Lamp with USB Charging Port, Black", "LUM-DL-USB-BK", 2499, "2.2", true,
     false},
    {"Purewave Cordless Stick Vacuum, Lightweight, Blue", "PWV-CSV-BL", 11900, "6.8", true, false},
    {"Purewave Robot Vacuum with Wi-Fi Mapping", "PWV-RV-WIFI", 17999, "8.2", true, false},
    {"Purewave HEPA Air Purifier for Large Rooms", "PWV-AP-HEPA", 8999, "10.5", true, false},
    {"Clearmist 1.5 Gallon Cool Mist Humidifier", "CLM-HU15", 3299, "4.0", true, false},
    // Electronics and accessories
    {"Voltix 65W USB-C GaN Wall Charger, 3 Port", "VTX-GC65-3P", 3499, "0.4", true, false},
    {"Voltix 10000mAh Portable Power Bank, Slim, Black", "VTX-PB10K-BK", 1999, "0.5", true, false},
    {"Voltix USB-C to Lightning Cable, 6 ft, 2 Pack", "VTX-CL6-2PK", 1299, "0.2", true, false},
    {"Soundcore Pro True Wireless Earbuds with Charging Case", "SCP-TWE-01", 4999, "0.3", true,
     false},
    {"Soundcore Pro Over-Ear Noise Cancelling Headphones, Black", "SCP-NC700-BK", 12999, "0.9",
     true, false},
    {"Soundcore Pro Portable Bluetooth Speaker, Waterproof, Teal", "SCP-BS-WP-TL", 3999, "1.3",
     true, false},
    {"Pixelview 43 inch Class 4K UHD Smart LED TV", "PXV-43UHD-24", 22800, "18.6", true, false},
    {"Pixelview 65 inch Class 4K UHD Smart LED TV", "PXV-65UHD-24", 44800, "46.3", true, false},
    {"Pixelview Full Motion TV Wall Mount for 32-70 inch TVs", "PXV-WM3270", 2999, "9.0", true,
     false},
    {"Keyflow Wireless Keyboard and Mouse Combo, Black", "KFL-KM-WL-BK", 2499, "1.6", true, false},
    {"Keyflow 27 inch IPS FHD Monitor, 75Hz", "KFL-MN27-FHD", 12900, "12.3", true, false},
    {"Keyflow USB 3.0 Hub, 7 Port, Aluminum", "KFL-HUB7-AL", 2299, "0.5", true, false},
    {"Northcam 2K Indoor Wi-Fi Security Camera, 2 Pack", "NCM-IC2K-2PK", 4988, "1.1", true, false},
    {"Northcam Video Doorbell with Chime", "NCM-VDB-CH", 5999, "1.4", true, false},
    {"Glowpath Smart LED Light Bulbs, A19, Color Changing, 4 Pack", "GLP-A19-RGB4", 2999, "0.8",
     true, false},
    {"Glowpath 32.8 ft LED Strip Lights with Remote", "GLP-LS10M", 1698, "0.7", true, false},
    {"Gamerig Wireless Controller for PC and Android, Black", "GMR-WC-BK", 3499, "0.6", true,
     false},
    {"Gamerig Ergonomic Gaming Chair with Lumbar Support, Red", "GMR-GC-RD", 15900, "45.0", true,
     false},
    {"Tabmate 10.1 inch Android Tablet, 64GB, Gray", "TBM-101-64-GR", 11900, "1.2", true, false},
    {"Tabmate Kids Tablet Case with Handle, Blue", "TBM-KC-BL", 1599, "0.6", true, false},
    // Toys and baby
    {"Buildmore 1,000 Piece Classic Building Bricks Set", "BLM-CB1000", 3497, "3.3", true, false},
    {"Buildmore City Fire Station Building Kit, 540 Pieces", "BLM-CFS540", 5999, "2.8", true,
     false},
    {"Racerline Remote Control Off-Road Truck, 1:16 Scale", "RCL-RC116-OR", 3988, "2.6", true,
     false},
    {"Playnest 5-in-1 Kids Activity Gym and Slide", "PLN-AG5-01", 8999, "34.0", true, false},
    {"Playnest Wooden Play Kitchen with Accessories", "PLN-WK-ACC", 12999, "58.0", true, true},
    {"Cuddlebay 18 inch Plush Teddy Bear, Brown", "CDB-TB18-BR", 1497, "1.0", true, false},
    {"Mac Sports Heavy Duty Steel Double Decker Collapsible Yard Cart Wagon, Purple",
     "YHY-FN25200B2", 11999, "41.0", true, false},
    {"Artkid Washable Markers Classroom Pack, 100 Count", "ATK-WM100", 2299, "3.0", true, false},
    {"Tinystep Convertible Car Seat, Rear and Forward Facing, Black", "TST-CCS-BK", 14999, "19.8",
     true, false},
    {"Tinystep Lightweight Travel Stroller, Gray", "TST-LTS-GR", 8999, "14.5", true, false},
    {"Tinystep Baby Diapers Size 3, 168 Count", "TST-DP3-168", 4297, "12.1", true, false},
    {"Tinystep Unscented Baby Wipes, 720 Count", "TST-BW720", 1997, "11.4", true, false},
    {"Beba Bean Pee-pee Teepee Airplane - Blue - Laundry Bag", "BBB-TP-AIR-BL", 1000, "0.3", true,
     false},
    {"Puzzleworks 1000 Piece Jigsaw Puzzle, National Parks", "PZW-1000-NP", 1599, "1.4", true,
     false},
    {"Familyfun Classic Board Game Collection, 10 Games", "FMF-BG10", 2499, "4.2", true, false},
    // Outdoor, garden and sports
    {"Greenacre 50 ft Expandable Garden Hose with 10-Pattern Nozzle", "GRA-EH50-10", 2997, "3.5",
     true, false},
    {"Greenacre 4-Piece Patio Conversation Set, Brown Wicker", "GRA-PC4-BW", 29900, "88.0", true,
     true},
    {"Greenacre 9 ft Market Patio Umbrella with Tilt, Navy", "GRA-PU9-NV", 5988, "17.0", true,
     false},
    {"Greenacre Raised Garden Bed, Galvanized Steel, 8 x 4 ft", "GRA-RGB84", 7499, "29.0", true,
     false},
    {"Firestone Grill 3-Burner Propane Gas Grill, Stainless", "FSG-3B-SS", 27900, "89.0", true,
     true},
    {"Firestone Grill 22 inch Charcoal Kettle Grill, Black", "FSG-CK22-BK", 8999, "27.0", true,
     false},
    {"Trailhead 6-Person Instant Cabin Tent", "TRH-IC6", 11999, "24.0", true, false},
    {"Trailhead 30 Degree Mummy Sleeping Bag, Olive", "TRH-SB30-OL", 3988, "3.9", true, false},
    {"Trailhead Folding Camp Chair with Cup Holder, 2 Pack", "TRH-FC2-BL", 3497, "12.0", true,
     false},
    {"Trailhead 52 Quart Wheeled Cooler, White", "TRH-WC52-WH", 5497, "14.2", true, false},
    {"Ironpeak Adjustable Dumbbells, 5-52.5 lb, Pair", "IRP-AD525", 29900, "110.0", true, true},
    {"Ironpeak Foldable Treadmill with LCD Display", "IRP-FT-LCD", 39900, "120.0", true, true},
    {"Ironpeak Non-Slip Yoga Mat, 6 mm, Purple", "IRP-YM6-PU", 1997, "2.5", true, false},
    {"Ironpeak Resistance Bands Set, 5 Levels", "IRP-RB5", 1299, "0.8", true, false},
    {"Rollway 26 inch Men's Mountain Bike, 21 Speed, Matte Black", "RLW-MB26-21-BK", 24800, "38.0",
     true, false},
    {"Rollway Kids Bike Helmet, Adjustable, Blue", "RLW-KH-BL", 2497, "0.9", true, false},
    {"Courtside Official Size Basketball, Indoor/Outdoor", "CRT-BB7", 2499, "1.4", true, false},
    {"Courtside Portable Basketball Hoop, 44 inch Backboard", "CRT-PH44", 17900, "93.0", true,
     true},
    // Pets
    {"Happytail Dry Dog Food, Chicken and Rice, 30 lb Bag", "HPT-DDF-CR30", 4298, "30.5", true,
     false},
    {"Happytail Grain-Free Cat Food, Salmon, 12 lb Bag", "HPT-CF-SAL12", 2998, "12.3", true, false},
    {"Happytail Clumping Cat Litter, Unscented, 40 lb", "HPT-CL40", 1898, "40.0", true, false},
    {"Happytail Orthopedic Dog Bed, Large, Gray", "HPT-ODB-L-GR", 4999, "9.5", true, false},
    {"Happytail Retractable Dog Leash, 16 ft", "HPT-RL16", 1499, "0.7", true, false},
    {"Happytail 5-Level Cat Tree with Scratching Posts", "HPT-CT5", 6999, "33.0", true, false},
    // Personal care, health and household
    {"Silkora Ionic Hair Dryer with Diffuser, 1875W", "SLK-HD1875", 3999, "1.8", true, false},
    {"Silkora Ceramic Flat Iron, 1 inch", "SLK-FI1", 2999, "0.9", true, false},
    {"Smileon Rechargeable Electric Toothbrush with 4 Heads", "SMO-ET4", 3997, "0.8", true, false},
    {"Clearday Daily Facial Moisturizer SPF 30, 3.4 fl oz", "CLD-FM30-34", 1497, "0.3", true,
     false},
    {"Vitafield Adult Multivitamin Gummies, 150 Count", "VTF-MVG150", 1288, "0.9", true, false},
    {"Sparkhouse Laundry Detergent Pods, Fresh Scent, 81 Count", "SPH-LDP81", 2197, "5.2", false,
     false},
    {"Sparkhouse Paper Towels, 12 Double Rolls", "SPH-PT12", 2398, "7.6", false, false},
    {"Sparkhouse Disinfecting Wipes, Lemon, 3 Pack", "SPH-DW3-LM", 1197, "2.3", false, false},
    // Office and auto
    {"Paperline Copy Paper, 8.5 x 11, 10 Ream Case", "PPL-CP10R", 5499, "50.0", false, false},
    {"Paperline Gel Pens, Assorted Colors, 24 Pack", "PPL-GP24", 1199, "0.5", true, false},
    {"Deskmate Mesh Office Chair with Adjustable Arms, Black", "DSM-MOC-BK", 11900, "36.0", true,
     false},
    {"Roadready 12V Portable Tire Inflator with Digital Gauge", "RDR-TI12V", 3999, "2.4", true,
     false},
    {"Roadready All-Weather Car Floor Mats, 4 Piece, Black", "RDR-FM4-BK", 2997, "7.5", true,
     false},
    {"Roadready 1500A Jump Starter Power Pack", "RDR-JS1500", 8999, "3.1", true, false},
    {"Roadready Windshield Sun Shade, Jumbo", "RDR-SS-JMB", 1298, "1.0", false, false},
};

constexpr City kCities[] = {
    {"New York", "NY", "10001", "212", 888, Region::kOther},
    {"Brooklyn", "NY", "11201", "718", 888, Region::kOther},
    {"Buffalo", "NY", "14202", "716", 875, Region::kOther},
    {"Los Angeles", "CA", "90012", "213", 950, Region::kWest},
    {"San Diego", "CA", "92101", "619", 775, Region::kWest},
    {"San Jose", "CA", "95112", "408", 938, Region::kWest},
    {"Sacramento", "CA", "95814", "916", 875, Region::kWest},
    {"Fresno", "CA", "93721", "559", 835, Region::kWest},
    {"Chicago", "IL", "60601", "312", 1000, Region::kOther},
    {"Springfield", "IL", "62701", "217", 900, Region::kOther},
    {"Houston", "TX", "77002", "713", 825, Region::kSouthCentral},
    {"Dallas", "TX", "75201", "214", 825, Region::kSouthCentral},
    {"Austin", "TX", "78701", "512", 825, Region::kSouthCentral},
    {"San Antonio", "TX", "78205", "210", 825, Region::kSouthCentral},
    {"El Paso", "TX", "79901", "915", 825, Region::kSouthCentral},
    {"Phoenix", "AZ", "85004", "602", 860, Region::kWest},
    {"Tucson", "AZ", "85701", "520", 870, Region::kWest},
    {"Philadelphia", "PA", "19103", "215", 800, Region::kOther},
    {"Pittsburgh", "PA", "15222", "412", 700, Region::kOther},
    {"Jacksonville", "FL", "32202", "904", 750, Region::kOther},
    {"Miami", "FL", "33130", "305", 700, Region::kOther},
    {"Tampa", "FL", "33602", "813", 750, Region::kOther},
    {"Orlando", "FL", "32801", "407", 650, Region::kOther},
    {"Columbus", "OH", "43215", "614", 750, Region::kOther},
    {"Cleveland", "OH", "44113", "216", 800, Region::kOther},
    {"Cincinnati", "OH", "45202", "513", 780, Region::kOther},
    {"Indianapolis", "IN", "46204", "317", 700, Region::kOther},
    {"Charlotte", "NC", "28202", "704", 725, Region::kOther},
    {"Raleigh", "NC", "27601", "919", 725, Region::kOther},
    {"Seattle", "WA", "98101", "206", 1000, Region::kWest},
    {"Spokane", "WA", "99201", "509", 900, Region::kWest},
    {"Denver", "CO", "80202", "303", 881, Region::kWest},
    {"Colorado Springs", "CO", "80903", "719", 825, Region::kWest},
    {"Nashville", "TN", "37203", "615", 925, Region::kOther},
    {"Memphis", "TN", "38103", "901", 975, Region::kOther},
    {"Detroit", "MI", "48226", "313", 600, Region::kOther},
    {"Grand Rapids", "MI", "49503", "616", 600, Region::kOther},
    {"Boston", "MA", "02108", "617", 625, Region::kOther},
    {"Baltimore", "MD", "21202", "410", 600, Region::kOther},
    {"Atlanta", "GA", "30303", "404", 890, Region::kOther},
    {"Savannah", "GA", "31401", "912", 700, Region::kOther},
    {"Minneapolis", "MN", "55401", "612", 903, Region::kOther},
    {"St. Louis", "MO", "63101", "314", 968, Region::kOther},
    {"Cedar Hill", "MO", "63016", "636", 748, Region::kOther},
    {"Kansas City", "MO", "64106", "816", 885, Region::kOther},
    {"Omaha", "NE", "68102", "402", 700, Region::kOther},
    {"Oklahoma City", "OK", "73102", "405", 863, Region::kSouthCentral},
    {"Tulsa", "OK", "74103", "918", 852, Region::kSouthCentral},
    {"Louisville", "KY", "40202", "502", 600, Region::kOther},
    {"Milwaukee", "WI", "53202", "414", 550, Region::kOther},
    {"Albuquerque", "NM", "87102", "505", 788, Region::kWest},
    {"Las Vegas", "NV", "89101", "702", 838, Region::kWest},
    {"Salt Lake City", "UT", "84111", "801", 775, Region::kWest},
    {"New Orleans", "LA", "70112", "504", 945, Region::kSouthCentral},
    {"Little Rock", "AR", "72201", "501", 913, Region::kSouthCentral},
    {"Birmingham", "AL", "35203", "205", 1000, Region::kOther},
    {"Des Moines", "IA", "50309", "515", 700, Region::kOther},
    {"Richmond", "VA", "23219", "804", 600, Region::kOther},
    {"Boise", "ID", "83702", "208", 600, Region::kWest},
    {"Hartford", "CT", "06103", "860", 635, Region::kOther},
    {"Newark", "NJ", "07102", "973", 663, Region::kOther},
    {"Columbia", "SC", "29201", "803", 800, Region::kOther},
};

constexpr const char* kFirstNames[] = {
    "James",   "Mary",      "Robert",  "Patricia", "John",    "Jennifer", "Michael", "Linda",
    "David",   "Elizabeth", "William", "Barbara",  "Richard", "Susan",    "Joseph",  "Jessica",
    "Thomas",  "Sarah",     "Charles", "Karen",    "Daniel",  "Nancy",    "Matthew", "Lisa",
    "Anthony", "Ashley",    "Mark",    "Kimberly", "Donald",  "Emily",    "Steven",  "Donna",
    "Andrew",  "Michelle",  "Kevin",   "Kathryn",  "Brian",   "Carol",    "Jose",    "Maria",
    "Luis",    "Ana",       "Wei",     "Mei",      "Darnell", "Aaliyah",  "Tyler",   "Madison",
};

constexpr const char* kLastNames[] = {
    "Smith",     "Johnson",  "Williams",  "Brown",   "Jones",    "Garcia",   "Miller",   "Davis",
    "Rodriguez", "Martinez", "Hernandez", "Lopez",   "Gonzalez", "Wilson",   "Anderson", "Thomas",
    "Taylor",    "Moore",    "Jackson",   "Martin",  "Lee",      "Perez",    "Thompson", "White",
    "Harris",    "Sanchez",  "Clark",     "Ramirez", "Lewis",    "Robinson", "Walker",   "Young",
    "Allen",     "King",     "Wright",    "Scott",   "Nguyen",   "Hill",     "Flores",   "Green",
    "Adams",     "Nelson",   "Baker",     "Cole",    "Ashley",   "Chen",     "Patel",    "Kim",
};

constexpr const char* kStreetNames[] = {
    "Maple",    "Oak",       "Cedar",       "Elm",      "Pine",     "Washington", "Lake",
    "Hill",     "Park",      "Main",        "Sunset",   "Highland", "Ridge",      "Meadow",
    "Willow",   "Jefferson", "Lincoln",     "Franklin", "Church",   "Mill",       "River",
    "Spring",   "Forest",    "Chestnut",    "Walnut",   "Birch",    "Center",     "Jackson",
    "Madison",  "Adams",     "Valley View", "Gazebo",   "Orchard",  "Prairie",    "Cherry",
    "Magnolia", "Peachtree", "Sycamore",    "Dogwood",  "Hickory",  "Cottonwood", "Aspen",
};

constexpr const char* kStreetSuffixes[] = {
    "St", "Ave", "Rd", "Dr", "Ln", "Blvd", "Ct", "Way", "Pl", "Cir", "Pkwy", "Ter", "Trl",
};

constexpr ThirdPartyNode kThirdPartyNodes[] = {
    {"Reno Fulfillment Center", "10045871"},       {"Columbus Logistics Hub", "10052263"},
    {"Allentown Distribution Center", "10061947"}, {"Dallas 3PL Warehouse", "10070318"},
    {"Ontario CA Fulfillment", "10083552"},
};

// Image URLs are derived from the SKU so that they are stable across runs and
// shaped like the CDN addresses marketplace listings carry.
std::vector<std::string> BuildImageUrls() {
  constexpr char kHex[] = "0123456789abcdef";
  std::vector<std::string> urls;
  urls.reserve(std::size(kProducts));
  for (const Product& product : kProducts) {
    if (!product.has_image) {
      urls.emplace_back();
      continue;
    }
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the SKU
    for (const char* c = product.sku; *c != '\0'; ++c) {
      h = (h ^ static_cast<unsigned char>(*c)) * 1099511628211ULL;
    }
    std::uint64_t words[2] = {Mix64(h), Mix64(h + 1)};
    std::string url = "https://i5.walmartimages.com/asr/";
    for (int i = 0; i < 32; ++i) {
      if (i == 8 || i == 12 || i == 16 || i == 20) url.push_back('-');
      url.push_back(kHex[(words[i / 16] >> ((i % 16) * 4)) & 0xF]);
    }
    url += ".jpeg";
    urls.push_back(std::move(url));
  }
  return urls;
}

}  // namespace

std::span<const Product> Products() { return kProducts; }

const std::string& ProductImageUrl(std::size_t product_index) {
  static const std::vector<std::string> urls = BuildImageUrls();
  return urls[product_index];
}

std::span<const City> Cities() { return kCities; }
std::span<const char* const> FirstNames() { return kFirstNames; }
std::span<const char* const> LastNames() { return kLastNames; }
std::span<const char* const> StreetNames() { return kStreetNames; }
std::span<const char* const> StreetSuffixes() { return kStreetSuffixes; }
std::span<const ThirdPartyNode> ThirdPartyNodes() { return kThirdPartyNodes; }

}  // namespace mporders::sim
