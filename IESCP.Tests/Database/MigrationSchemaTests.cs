using System.Data.Common;
using System.Text.RegularExpressions;
using IESCP.Data;
using IESCP.Data.Database;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Tests.Database;

/// <summary>
/// Migrations are written by hand, so this proves they build the schema the model describes:
/// one database is migrated, another is created straight from the model, and every column,
/// index, foreign key and check constraint must be the same in both.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class MigrationSchemaTests
{
    [Fact]
    public async Task The_migrations_build_exactly_the_schema_of_the_model()
    {
        await using var migrated = new MigratedDatabase();
        await using var created = new ModelCreatedDatabase();
        await migrated.InitializeAsync();
        await created.InitializeAsync();

        var fromMigrations = await DescribeAsync(migrated);
        var fromModel = await DescribeAsync(created);

        var missing = fromModel.Except(fromMigrations).ToList();
        var unexpected = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"The model has but the migrations lack:\n  {string.Join("\n  ", missing)}\n"
            + $"The migrations have but the model lacks:\n  {string.Join("\n  ", unexpected)}");
        Assert.Contains(fromModel, f => f.StartsWith("AdRequests index IX_AdRequests_OpenPerCampaignAndInfluencer unique=1 partial=1", StringComparison.Ordinal));
    }

    /// <summary>
    /// The Moderation migration gained two indexes after it had shipped; a database migrated by its
    /// first build lacks them. Such a database (the seeded benchmark file, say) must still upgrade
    /// at start, to exactly the schema of the model.
    /// </summary>
    [Fact]
    public async Task A_database_made_by_the_first_build_of_the_moderation_migration_upgrades_to_the_schema_of_the_model()
    {
        await using var upgraded = new FirstModerationDatabase();
        await using var created = new ModelCreatedDatabase();
        await upgraded.InitializeAsync();
        await created.InitializeAsync();

        var fromUpgrade = await DescribeAsync(upgraded);
        var fromModel = await DescribeAsync(created);

        Assert.Equal(fromModel.Except(fromUpgrade).ToList(), []);
        Assert.Equal(fromUpgrade.Except(fromModel).ToList(), []);
        Assert.Contains(fromUpgrade, f => f.StartsWith("AspNetUsers index IX_AspNetUsers_Removed unique=0 partial=1", StringComparison.Ordinal));
    }

    /// <summary>
    /// What the model cannot describe, so the comparison above leaves it out: the full-text index
    /// of campaigns (a virtual table and its shadow tables) and the triggers that keep it and the
    /// searched rows' IsListed flags in step. The migrations must create exactly these.
    /// </summary>
    [Fact]
    public async Task The_migrations_add_the_text_index_and_the_triggers_the_model_cannot_describe()
    {
        await using var migrated = new MigratedDatabase();
        await migrated.InitializeAsync();
        await using var db = await migrated.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();

        var virtualTables = await RowsAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'");
        var triggers = await RowsAsync(connection, "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name");

        var text = Assert.Single(virtualTables);
        Assert.Equal(TextIndex, text[0]);
        Assert.Contains("tokenize='trigram case_sensitive 0'", (string)text[1]!, StringComparison.Ordinal);
        Assert.Equal(
        [
            "TR_AspNetUsers_Listed on AspNetUsers", "TR_AuditEntries_NoDelete on AuditEntries", "TR_AuditEntries_NoUpdate on AuditEntries",
            "TR_Campaigns_Listed_Insert on Campaigns", "TR_Campaigns_Listed_Update on Campaigns", "TR_Campaigns_Text_Delete on Campaigns",
            "TR_Campaigns_Text_Insert on Campaigns", "TR_Campaigns_Text_Update on Campaigns", "TR_Influencers_Listed_Insert on Influencers",
            "TR_Influencers_Listed_User on Influencers", "TR_Sponsors_Listed on Sponsors",
        ], triggers.Select(t => $"{t[0]} on {t[1]}"));
    }

    /// <summary>The campaigns' full-text index; SQLite keeps its data in shadow tables named after it.</summary>
    private const string TextIndex = "CampaignText";

    /// <summary>One line per schema fact, sorted, so two databases compare as two lists.</summary>
    private static async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using var db = await database.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var facts = new List<string>();
        // EnsureCreated keeps no migration history or lock; those tables are the migrator's, not the model's.
        var tables = await RowsAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')"
            // The text index is outside the model; the test below checks it.
            + $" AND name <> '{TextIndex}' AND name NOT IN ('{TextIndex}_config', '{TextIndex}_data', '{TextIndex}_docsize', '{TextIndex}_idx', '{TextIndex}_content')");
        foreach (var table in tables)
        {
            var name = (string)table[0]!;
            facts.Add($"{name} table");
            foreach (var c in await RowsAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{name}')"))
            {
                facts.Add($"{name} column {c[0]} {c[1]} notnull={c[2]} default={c[3]} pk={c[4]}");
            }

            foreach (var i in await RowsAsync(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{name}')"))
            {
                var columns = await RowsAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                var sql = await RowsAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{i[0]}'");
                facts.Add($"{name} index {i[0]} unique={i[1]} partial={i[3]} origin={i[2]} "
                    + $"columns=({string.Join(", ", columns.Select(r => r[0]))}) sql={Squeeze(sql.SingleOrDefault()?[0] as string)}");
            }

            foreach (var f in await RowsAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{name}')"))
            {
                facts.Add($"{name} foreign key {f[1]} -> {f[0]}.{f[2]} on update {f[3]} on delete {f[4]}");
            }

            facts.AddRange(CheckConstraint().Matches((string)table[1]!).Select(m => $"{name} check {Squeeze(m.Value.TrimEnd(','))}"));
        }

        facts.Sort(StringComparer.Ordinal);
        return facts;
    }

    private static async Task<List<object?[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Squeeze(string? sql) => sql is null ? "" : Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"CONSTRAINT ""CK_[^""]+"" CHECK .*")]
    private static partial Regex CheckConstraint();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>An empty file migrated from the first migration on, as a new installation is.</summary>
    private sealed class MigratedDatabase : TestDatabase
    {
        protected override Task CreateSchemaAsync() => Get<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>Migrated up to Moderation as its first build left it (without two indexes added later), then started as the app starts.</summary>
    private sealed class FirstModerationDatabase : TestDatabase
    {
        protected override async Task CreateSchemaAsync()
        {
            await using (var db = await Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync())
            {
                await db.GetService<IMigrator>().MigrateAsync("20261122000000_Moderation");
                await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_AdRequests_Status\"; DROP INDEX \"IX_AspNetUsers_Removed\";");
            }

            await Get<DatabaseInitializer>().InitializeAsync();
        }
    }

    /// <summary>The same composition as the app, but the schema comes from the model, not the migrations.</summary>
    private sealed class ModelCreatedDatabase : TestDatabase
    {
        protected override async Task CreateSchemaAsync()
        {
            await using var db = await Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
            await db.Database.EnsureCreatedAsync();
        }
    }
}
