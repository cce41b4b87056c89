// The command line: help, clients, sellers, seed and import.

#include <fstream>

#include "support/fixtures.h"

namespace mporders::testing {
namespace {

TEST(CliTest, HelpListsTheSubcommands) {
  std::string output;
  EXPECT_EQ(RunCli({"--help"}, &output), 0);
  for (const char* command : {"serve", "seed", "import", "clients", "sellers"}) {
    EXPECT_NE(output.find(command), std::string::npos) << command;
  }
}

TEST(CliTest, UnknownSubcommandFails) { EXPECT_NE(RunCli({"frobnicate"}), 0); }

TEST(CliTest, ClientsAddGeneratesCredentialsAndListNeverShowsSecrets) {
  TempDir dir;
  std::string db = "sqlite:" + (dir.path() / "cli.db").string();
  std::string output;
  ASSERT_EQ(RunCli({"clients", "add", "--db", db, "--seller", "s1"}, &output), 0);
  auto secret_at = output.find("client secret: ");
  ASSERT_NE(secret_at, std::string::npos) << output;
  std::string secret = output.substr(secret_at + 15, output.find('\n', secret_at) - secret_at - 15);
  EXPECT_GE(secret.size(), 32u);
  std::string listing;
  ASSERT_EQ(RunCli({"clients", "list", "--db", db}, &listing), 0);
  EXPECT_NE(listing.find("s1"), std::string::npos);
  EXPECT_EQ(listing.find(secret), std::string::npos);
  std::string sellers;
  ASSERT_EQ(RunCli({"sellers", "list", "--db", db}, &sellers), 0);
  EXPECT_NE(sellers.find("s1"), std::string::npos);
}

TEST(CliTest, DuplicateClientIdFails) {
  TempDir dir;
  std::string db = "sqlite:" + (dir.path() / "cli.db").string();
  ASSERT_EQ(RunCli({"clients", "add", "--db", db, "--seller", "s1", "--client-id", "c1"}), 0);
  EXPECT_NE(RunCli({"clients", "add", "--db", db, "--seller", "s1", "--client-id", "c1"}), 0);
  // Refused for a seller named for the first time: that seller is not created.
  std::string output;
  EXPECT_NE(RunCli({"clients", "add", "--db", db, "--seller", "s2", "--client-id", "c1"}, &output),
            0);
  EXPECT_NE(output.find("is taken"), std::string::npos) << output;
  std::string sellers;
  ASSERT_EQ(RunCli({"sellers", "list", "--db", db}, &sellers), 0);
  EXPECT_EQ(sellers.find("s2"), std::string::npos) << sellers;
}

TEST(CliTest, ClientAndSellerAreNamedTheSameOnEverySubcommand) {
  TempDir dir;
  std::string db = "sqlite:" + (dir.path() / "cli.db").string();
  ASSERT_EQ(RunCli({"sellers", "add", "--db", db, "--seller", "s1", "--name", "Shop One"}), 0);
  ASSERT_EQ(RunCli({"clients", "add", "--db", db, "--provider", "--client-id", "p1"}), 0);
  ASSERT_EQ(RunCli({"clients", "grant", "--db", db, "--client-id", "p1", "--seller", "s1"}), 0);
  std::string listing;
  ASSERT_EQ(RunCli({"clients", "list", "--db", db}, &listing), 0);
  EXPECT_NE(listing.find("s1"), std::string::npos) << listing;
  ASSERT_EQ(RunCli({"clients", "ungrant", "--db", db, "--client-id", "p1", "--seller", "s1"}), 0);
  ASSERT_EQ(RunCli({"clients", "revoke", "--db", db, "--client-id", "p1"}), 0);
  std::string sellers;
  ASSERT_EQ(RunCli({"sellers", "list", "--db", db}, &sellers), 0);
  EXPECT_NE(sellers.find("Shop One"), std::string::npos) << sellers;

  // The older spellings still work, but --help shows only the new names.
  ASSERT_EQ(RunCli({"sellers", "add", "--db", db, "s2"}), 0);
  ASSERT_EQ(RunCli({"clients", "add", "--db", db, "--provider", "--client-id", "p2"}), 0);
  ASSERT_EQ(RunCli({"clients", "grant", "--db", db, "--client", "p2", "--seller", "s2"}), 0);
  ASSERT_EQ(RunCli({"clients", "revoke", "--db", db, "p2"}), 0);
  std::string help;
  EXPECT_EQ(RunCli({"clients", "grant", "--help"}, &help), 0);
  EXPECT_NE(help.find("--client-id"), std::string::npos) << help;
  EXPECT_EQ(help.find("--client "), std::string::npos) << help;
  EXPECT_EQ(RunCli({"clients", "revoke", "--help"}, &help), 0);
  EXPECT_NE(help.find("--client-id"), std::string::npos) << help;

  // Still required, and not both forms at once.
  std::string output;
  EXPECT_NE(RunCli({"clients", "revoke", "--db", db}, &output), 0);
  EXPECT_NE(output.find("--client-id"), std::string::npos) << output;
  EXPECT_NE(RunCli({"clients", "grant", "--db", db, "--seller", "s1"}), 0);
  EXPECT_NE(RunCli({"sellers", "add", "--db", db}), 0);
  EXPECT_NE(RunCli({"clients", "grant", "--db", db, "--client-id", "p1", "--client", "p1",
                    "--seller", "s1"}),
            0);
}

TEST(CliTest, ImportRejectsAnInvalidFileAndKeepsNothing) {
  TempDir dir;
  std::string db = "sqlite:" + (dir.path() / "cli.db").string();
  auto bad = dir.path() / "bad.json";
  std::ofstream(bad) << R"({"order":{"purchaseOrderId":"1"}})";
  std::string output;
  EXPECT_NE(RunCli({"import", "--db", db, "--seller", "s1", bad.string()}, &output), 0);
  EXPECT_NE(output.find("customerOrderId"), std::string::npos) << output;
}

}  // namespace
}  // namespace mporders::testing
