#pragma once
// The subcommands of the mporders binary. Each returns the process exit code.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/config.h"
#include "domain/market.h"

namespace mporders::app {

// Serves until SIGINT/SIGTERM. `config` is resolved (see config.h).
int RunServe(const ServeConfig& config);

struct SeedOptions {
  std::string db = kDefaultDatabase;
  std::string seller;
  std::int64_t orders = 100;
  std::uint64_t seed = 1;
  // Market of a seller created by seeding; an existing seller's must match.
  std::optional<MarketId> market;
};
int RunSeed(const SeedOptions& options);

// Imports every order of `file`; each must be in the currency of the seller's
// market (`market` when the seller is created by the import, US by default).
int RunImport(const std::string& db, const std::string& seller, const std::string& file,
              std::optional<MarketId> market = std::nullopt);

// How a new client signs its calls (signature authentication); neither set:
// it authenticates with a secret only.
struct ClientKeyOptions {
  std::string public_key_file;  // --public-key: register this PEM public key
  bool generate = false;        // --generate-key: make a pair, print the private key once
  std::string private_key_out;  // --private-key-out: also write the PEM here (mode 0600)
};

// A seller's own client (`seller` set, `provider` false) or a solution
// provider's client (`provider` true, `seller` empty); anything else exits 2.
// With a key (`key`), a consumer of `seller`: a secret is then made only when
// `client_secret` is given, and the id defaults to a UUID.
int RunClientsAdd(const std::string& db, const std::string& seller, bool provider,
                  std::optional<std::string> client_id, std::optional<std::string> client_secret,
                  const ClientKeyOptions& key = {});
int RunClientsList(const std::string& db);
int RunClientsRevoke(const std::string& db, const std::string& client_id);
// Lets a provider client act for a seller (created when new) / stops it.
int RunClientsGrant(const std::string& db, const std::string& client_id, const std::string& seller);
int RunClientsUngrant(const std::string& db, const std::string& client_id,
                      const std::string& seller);

// Creates the seller in `market`; an existing seller is left as it is, and
// naming another market than its own fails (exit 1).
int RunSellersAdd(const std::string& db, const std::string& seller, const std::string& name,
                  MarketId market);
int RunSellersList(const std::string& db);

// Applies pending schema migrations to the store at `db` (any store URL).
int RunMigrate(const std::string& db);

// Copies a whole store (sellers, clients and grants, orders, sandbox clocks)
// into an empty one and verifies the counts. A plain path is a SQLite file.
int RunCopy(const std::string& from_url, const std::string& to_url);

struct CertsOptions {
  std::string out_dir;
  int days = 365;
  std::vector<std::string> extra_names;  // beyond localhost, 127.0.0.1 and ::1
  bool force = false;                    // replace existing files
};
// Writes OUT_DIR/cert.pem and OUT_DIR/key.pem (mode 0600): a self-signed
// certificate for local HTTPS.
int RunCerts(const CertsOptions& options);

}  // namespace mporders::app
