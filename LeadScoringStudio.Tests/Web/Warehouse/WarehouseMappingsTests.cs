using LeadScoringStudio.Core.Warehouse;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Warehouse;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Warehouse;

public class WarehouseMappingsTests : StorageTest
{
    public WarehouseMappingsTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected WarehouseMappingsTests(StorageProvider provider)
        : base(seedDemo: false, leadCount: 1, provider: provider)
    {
    }

    private static readonly WarehouseMapping Hubspot = new WarehouseMapping
    {
        LeadsTable = "hubspot.contacts", LeadIdColumn = "contact_id", ActivitiesTable = "hubspot.events",
        DbtSource = "hubspot",
    }.WithColumn("company_size", "numberofemployees");

    private WarehouseMappings Mappings => Services.GetRequiredService<WarehouseMappings>();

    [SkippableFact]
    public async Task Until_someone_saves_one_the_defaults_apply_and_a_saved_mapping_reads_back_as_saved()
    {
        Assert.Equal(new StoredMapping(WarehouseMapping.Default, 0, null, null), await Mappings.GetAsync());

        var saved = await Mappings.SaveAsync(Hubspot, 0, Principals.Ops);

        Assert.Equal(SaveStatus.Saved, saved.Status);
        var stored = await Mappings.GetAsync();
        Assert.Equal(Hubspot, stored.Mapping);
        Assert.Equal(("olga@example.com", saved.Version), (stored.UpdatedBy, stored.Version));
    }

    [SkippableFact]
    public async Task Only_ops_changes_the_mapping()
    {
        var refused = await Mappings.SaveAsync(Hubspot, 0, Principals.Marketing);

        Assert.Equal((SaveStatus.Refused, "Only Ops changes where the warehouse keeps the leads."),
            (refused.Status, refused.Message));
        Assert.Equal(WarehouseMapping.Default, (await Mappings.GetAsync()).Mapping);
    }

    [SkippableFact]
    public async Task A_save_from_an_older_version_is_refused_and_keeps_the_newer_mapping()
    {
        await Mappings.SaveAsync(Hubspot, 0, Principals.Ops);
        var version = (await Mappings.GetAsync()).Version;
        await Mappings.SaveAsync(Hubspot with { DbtSource = "crm_v2" }, version, Principals.Ops);

        var stale = await Mappings.SaveAsync(Hubspot with { DbtSource = "stale" }, version, Principals.Ops);

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.StartsWith("olga@example.com saved the mapping at ", stale.Message);
        Assert.Equal("crm_v2", (await Mappings.GetAsync()).Mapping.DbtSource);
    }

    [SkippableFact]
    public async Task Two_first_saves_at_once_keep_one_and_refuse_the_other()
    {
        var saves = await Task.WhenAll(
            Mappings.SaveAsync(Hubspot, 0, Principals.Ops),
            Mappings.SaveAsync(Hubspot with { DbtSource = "other" }, 0, Principals.Ops));

        Assert.Equal([SaveStatus.Saved, SaveStatus.Conflict], saves.Select(s => s.Status).Order());
        var kept = saves.Single(s => s.Succeeded) == saves[0] ? Hubspot : Hubspot with { DbtSource = "other" };
        Assert.Equal(kept, (await Mappings.GetAsync()).Mapping);
    }

    [SkippableFact]
    public async Task Names_that_cannot_name_a_table_or_column_are_refused_in_words()
    {
        var invalid = await Mappings.SaveAsync(Hubspot with { LeadIdColumn = "" }, 0, Principals.Ops);

        Assert.Equal((SaveStatus.Invalid, "Lead id column is empty."), (invalid.Status, invalid.Message));
    }
}

public sealed class WarehouseMappingsOnPostgreSqlTests() : WarehouseMappingsTests(StorageProvider.PostgreSql);
