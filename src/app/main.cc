// mporders: parses the command line and runs one subcommand. Nothing else.

#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "sandbox/cli.h"

namespace {

// A required option `name` that may also be given the old way, as the one
// positional argument (not shown in --help). One of the two, not both.
void AddNamedOrPositional(CLI::App* command, const std::string& name, std::string& value,
                          const std::string& help) {
  auto* named = command->add_option(name, value, help);
  command->allow_extras();  // the old positional form, read below
  command->callback([command, named, name, &value] {
    const std::vector<std::string> extras = command->remaining();
    if (named->count() > 0 && !extras.empty()) throw CLI::ExtrasError(extras);
    if (named->count() > 0) return;
    if (extras.size() != 1) throw CLI::RequiredError(name);
    value = extras.front();
  });
}

// A required option `name` with an older spelling `alias`, not shown in
// --help. One of the two, not both.
void AddWithHiddenAlias(CLI::App* command, const std::string& name, const std::string& alias,
                        std::string& value, const std::string& help) {
  auto* named = command->add_option(name, value, help);
  auto* old = command->add_option(alias, value, help)->group("");
  command->callback([named, old, name] {
    if (named->count() + old->count() == 0) throw CLI::RequiredError(name);
    if (named->count() > 0 && old->count() > 0) {
      throw CLI::ValidationError(name, "given twice (also as its old spelling)");
    }
  });
}

}  // namespace

int main(int argc, char** argv) {
  using namespace mporders::app;
  CLI::App app{"mporders — a stateful Walmart Marketplace Orders API server"};
  app.require_subcommand(1);
  std::string db = kDefaultDatabase;
  auto add_db = [&db](CLI::App* command) {
    command->add_option("--db", db, "Database URL (sqlite:PATH or postgres://...)")->envname("MPORDERS_DB")->capture_default_str();
  };

  // serve: every setting is a flag here, an MPORDERS_* variable and a config
  // file key; config.cc resolves the layers, so no CLI11 envname here.
  auto* serve_cmd = app.add_subcommand("serve", "Serve the Orders API over HTTP or HTTPS");
  std::optional<std::string> config_file;
  serve_cmd->add_option("--config", config_file, "JSON configuration file [env MPORDERS_CONFIG]");
  bool print_config = false;
  serve_cmd->add_flag("--print-config", print_config,
                      "Print the effective configuration (as a config file) and exit");
  std::map<std::string, std::string> serve_texts;
  std::map<std::string, bool> serve_flags;
  std::vector<std::pair<const SettingInfo*, CLI::Option*>> serve_options;
  const ServeConfig serve_defaults;
  for (const auto& setting : ServeSettings()) {
    std::string name(setting.name);
    std::string help = std::string(setting.help) + " [env " + EnvironmentName(name) + "]";
    CLI::Option* option = nullptr;
    if (setting.kind == SettingKind::kBoolean) {
      // rate-limit, sandbox, metrics and console are on by default: their useful flag is the
      // negative one.
      std::string flags = name == "rate-limit" || name == "sandbox" || name == "metrics" ||
                                  name == "console"
                              ? "--" + name + ",!--no-" + name
                              : "--" + name;
      option = serve_cmd->add_flag(flags, serve_flags[name], help);
    } else {
      // Shown in --help only: an option not given stays unset (count() == 0),
      // so that the environment and the file can still supply it.
      std::string fallback = SettingText(serve_defaults, name);
      option = serve_cmd->add_option("--" + name, serve_texts[name], help)
                   ->type_name(setting.kind == SettingKind::kInteger ? "INT" : "TEXT");
      if (!fallback.empty()) option->default_str(fallback);
    }
    serve_options.emplace_back(&setting, option);
  }

  SeedOptions seed;
  auto* seed_cmd = app.add_subcommand("seed", "Generate realistic, deterministic demo orders");
  add_db(seed_cmd);
  seed_cmd->add_option("--seller", seed.seller, "Seller id")->required();
  seed_cmd->add_option("--orders", seed.orders, "How many orders")->check(CLI::Range(1LL, 100000000LL))
      ->capture_default_str();
  seed_cmd->add_option("--seed", seed.seed, "Random seed (same seed, same orders)")->capture_default_str();
  std::string seed_market;
  const auto market_check = [](const std::string& text) {
    return mporders::ParseMarketCode(text) ? std::string() : std::string("must be US, CA, MX or CL");
  };
  seed_cmd
      ->add_option("--market", seed_market,
                   "Market of a new seller: US, CA, MX or CL (default US; an existing seller's "
                   "market is used, and must match when given)")
      ->check(market_check);

  std::string import_seller, import_file;
  auto* import_cmd = app.add_subcommand("import", "Load orders in Walmart's JSON shape");
  add_db(import_cmd);
  import_cmd->add_option("--seller", import_seller, "Seller id")->required();
  std::string import_market;
  import_cmd
      ->add_option("--market", import_market,
                   "Market of a new seller: US, CA, MX or CL (default US); orders must be in "
                   "its currency")
      ->check(market_check);
  import_cmd->add_option("FILE", import_file, "JSON file: one {\"order\":...} or a list of them")
      ->required()->check(CLI::ExistingFile);

  auto* clients_cmd = app.add_subcommand("clients", "Manage API clients (credentials)");
  clients_cmd->require_subcommand(1);
  std::string client_seller;
  bool client_provider = false;
  std::optional<std::string> client_id, client_secret;
  auto* clients_add = clients_cmd->add_subcommand("add", "Create a client; prints its credentials");
  add_db(clients_add);
  auto* add_seller =
      clients_add->add_option("--seller", client_seller, "Seller the client acts for");
  clients_add
      ->add_flag("--provider", client_provider,
                 "A solution provider's client: acts for the sellers granted to it")
      ->excludes(add_seller);
  clients_add->add_option("--client-id", client_id, "Client id (generated when absent)");
  clients_add->add_option("--client-secret", client_secret,
                          "Client secret (generated when absent; with a key: none unless given)");
  // Signature authentication: a consumer holding a public key.
  ClientKeyOptions client_key;
  auto* public_key = clients_add->add_option(
      "--public-key", client_key.public_key_file,
      "A consumer: register this PEM public key (BEGIN PUBLIC KEY) for signed calls");
  auto* generate_key = clients_add->add_flag(
      "--generate-key", client_key.generate,
      "A consumer: make an RSA 2048 key pair, store the public key, print the private key once");
  clients_add
      ->add_option("--private-key-out", client_key.private_key_out,
                   "With --generate-key: also write the private key PEM here (mode 0600)")
      ->needs(generate_key);
  public_key->excludes(generate_key);
  auto* clients_list = clients_cmd->add_subcommand("list", "List clients (never secrets)");
  add_db(clients_list);
  // One name per thing on every subcommand: --client-id, --seller. Older
  // spellings (a positional id, --client) still work but are not shown.
  std::string revoke_id;
  auto* clients_revoke = clients_cmd->add_subcommand("revoke", "Revoke a client and its live tokens");
  add_db(clients_revoke);
  AddNamedOrPositional(clients_revoke, "--client-id", revoke_id, "Client id");
  std::string grant_client, grant_seller;
  auto* clients_grant =
      clients_cmd->add_subcommand("grant", "Let a provider client act for a seller");
  auto* clients_ungrant = clients_cmd->add_subcommand(
      "ungrant", "Stop a provider client acting for a seller, live tokens included");
  for (auto* command : {clients_grant, clients_ungrant}) {
    add_db(command);
    AddWithHiddenAlias(command, "--client-id", "--client", grant_client, "Provider client id");
    command->add_option("--seller", grant_seller, "Seller id")->required();
  }

  auto* sellers_cmd = app.add_subcommand("sellers", "Manage sellers");
  sellers_cmd->require_subcommand(1);
  std::string seller_id, seller_name;
  auto* sellers_add = sellers_cmd->add_subcommand("add", "Create a seller");
  add_db(sellers_add);
  AddNamedOrPositional(sellers_add, "--seller", seller_id, "Seller id");
  sellers_add->add_option("--name", seller_name, "Display name");
  std::string seller_market = "US";
  sellers_add
      ->add_option("--market", seller_market,
                   "Marketplace the seller sells in: US, CA, MX or CL (fixed once created)")
      ->capture_default_str()
      ->check([](const std::string& text) {
        return mporders::ParseMarketCode(text) ? std::string() : std::string("must be US, CA, MX or CL");
      });
  auto* sellers_list = sellers_cmd->add_subcommand("list", "List sellers");
  add_db(sellers_list);

  auto* migrate_cmd =
      app.add_subcommand("migrate", "Apply pending schema migrations to the database");
  add_db(migrate_cmd);
  std::string copy_from;
  std::string copy_to;
  auto* copy_cmd = app.add_subcommand(
      "copy", "Copy a whole store into an empty one (e.g. SQLite to PostgreSQL)");
  copy_cmd->add_option("--from", copy_from, "Source store URL (sqlite:FILE or a path)")
      ->required();
  copy_cmd->add_option("--to", copy_to, "Target store URL (postgres://...)")->required();

  CertsOptions certs;
  auto* certs_cmd =
      app.add_subcommand("certs", "Make a self-signed certificate and key for local HTTPS");
  certs_cmd->add_option("--out", certs.out_dir, "Directory to write cert.pem and key.pem to")
      ->required();
  certs_cmd->add_option("--days", certs.days, "Validity in days")->check(CLI::Range(1, 3650))
      ->capture_default_str();
  certs_cmd->add_option("--name", certs.extra_names,
                        "Another DNS name or IP address to certify (repeatable)");
  certs_cmd->add_flag("--force", certs.force, "Replace existing files");

  auto sandbox_cli = mporders::sandbox::SandboxCli::Register(app);

  CLI11_PARSE(app, argc, argv);
  if (auto code = sandbox_cli->Run()) return *code;

  if (serve_cmd->parsed()) {
    ConfigSources sources;
    sources.config_flag = config_file;
    sources.environment = ProcessEnvironment();
    for (const auto& [setting, option] : serve_options) {
      if (option->count() == 0) continue;
      std::string name(setting->name);
      sources.flags[name] = setting->kind == SettingKind::kBoolean
                                ? (serve_flags[name] ? "true" : "false")
                                : serve_texts[name];
    }
    auto config = ResolveServeConfig(sources);
    if (!config.ok()) {
      std::cerr << "mporders: invalid configuration: " << config.status().description() << "\n";
      return 2;
    }
    if (print_config) {
      std::cout << PrintConfig(*config) << std::flush;
      return 0;
    }
    return RunServe(*config);
  }
  if (seed_cmd->parsed()) {
    seed.db = db;
    if (!seed_market.empty()) seed.market = mporders::ParseMarketCode(seed_market);
    return RunSeed(seed);
  }
  if (import_cmd->parsed()) {
    return RunImport(db, import_seller, import_file,
                     import_market.empty() ? std::nullopt
                                           : mporders::ParseMarketCode(import_market));
  }
  if (clients_add->parsed()) {
    return RunClientsAdd(db, client_seller, client_provider, client_id, client_secret,
                         client_key);
  }
  if (clients_grant->parsed()) return RunClientsGrant(db, grant_client, grant_seller);
  if (clients_ungrant->parsed()) return RunClientsUngrant(db, grant_client, grant_seller);
  if (clients_list->parsed()) return RunClientsList(db);
  if (clients_revoke->parsed()) return RunClientsRevoke(db, revoke_id);
  if (sellers_add->parsed()) {
    return RunSellersAdd(db, seller_id, seller_name.empty() ? seller_id : seller_name,
                         *mporders::ParseMarketCode(seller_market));
  }
  if (sellers_list->parsed()) return RunSellersList(db);
  if (certs_cmd->parsed()) return RunCerts(certs);
  if (migrate_cmd->parsed()) return RunMigrate(db);
  if (copy_cmd->parsed()) return RunCopy(copy_from, copy_to);
  return 2;
}
