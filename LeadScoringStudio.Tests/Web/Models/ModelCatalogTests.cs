using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Models;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Models;

public class ModelCatalogTests : StorageTest
{
    public ModelCatalogTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected ModelCatalogTests(StorageProvider provider)
        : base(seedDemo: false, provider: provider)
    {
    }

    private ModelCatalog Catalog => Services.GetRequiredService<ModelCatalog>();

    private ModelRepository Models => Services.GetRequiredService<ModelRepository>();

    [SkippableFact]
    public async Task A_copy_starts_from_the_source_draft_published_as_version_1_and_has_a_draft_of_its_own()
    {
        var first = Assert.Single(await Catalog.ListAsync());
        var before = (await Models.LoadAsync(first.Id)).Draft;

        var (result, copy) = await Catalog.CreateAsync("Enterprise", ModelOrigin.Copy, first.Id, Principals.Marketing);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(("enterprise", false), (copy!.Key, copy.IsDefault));
        var workspace = await Models.LoadAsync(copy.Id);
        Assert.Equal(before.Model with { Name = "Enterprise" }, workspace.Draft.Model);
        Assert.Equal(1, workspace.Published!.Number);
        Assert.Contains("a copy of", workspace.Published.Note);

        var edited = workspace.Draft.Model.WithCriterionPoints("seniority-exec", 33);
        var commit = await Services.GetRequiredService<DraftRepository>().CommitAsync(copy.Id,
            workspace.Draft.Model, workspace.Draft.Version, edited, Principals.Marketing);

        Assert.True(commit.Wrote);
        Assert.Equal(before.Model, (await Models.LoadAsync(first.Id)).Draft.Model);
        Assert.Equal(before.Version, (await Models.LoadAsync(first.Id)).Draft.Version);
        Assert.Equal(33, (await Models.LoadAsync(copy.Id)).Draft.Model.FindCriterion("seniority-exec")!.BasePoints);
    }

    [SkippableFact]
    public async Task A_blank_model_has_no_criteria_and_names_and_keys_stay_unique()
    {
        var (_, blank) = await Catalog.CreateAsync("SMB", ModelOrigin.Blank, null, Principals.Ops);
        var (_, again) = await Catalog.CreateAsync("SMB", ModelOrigin.Starter, null, Principals.Ops);

        Assert.Empty((await Models.LoadAsync(blank!.Id)).Draft.Model.Criteria);
        Assert.NotEmpty((await Models.LoadAsync(again!.Id)).Draft.Model.Criteria);
        Assert.Equal(("smb", "smb-2"), (blank.Key, again.Key));
        Assert.Equal(again.Id, (await Catalog.ResolveAsync("smb-2"))!.Id);
        Assert.True((await Catalog.ResolveAsync("no-such-model"))!.IsDefault);
        Assert.True((await Catalog.ResolveAsync(null))!.IsDefault);
    }

    [SkippableFact]
    public async Task Sales_may_not_create_only_ops_archives_and_the_default_model_stays()
    {
        var first = Assert.Single(await Catalog.ListAsync());
        var (refused, _) = await Catalog.CreateAsync("Mine", ModelOrigin.Starter, null, Principals.Sales);
        var (_, second) = await Catalog.CreateAsync("Trial", ModelOrigin.Starter, null, Principals.Marketing);

        Assert.Equal(SaveStatus.Refused, refused.Status);
        Assert.Equal(SaveStatus.Refused, (await Catalog.ArchiveAsync(second!.Id, Principals.Marketing)).Status);
        Assert.Equal(SaveStatus.Invalid, (await Catalog.ArchiveAsync(first.Id, Principals.Ops)).Status);
        Assert.True((await Catalog.ArchiveAsync(second.Id, Principals.Ops)).Succeeded);
        Assert.Equal([first.Id], (await Catalog.ListAsync()).Select(m => m.Id));
        Assert.Equal(first.Id, (await Catalog.ResolveAsync("trial"))!.Id);
        Assert.True((await Catalog.RenameAsync(first.Id, "Everyone", Principals.Marketing)).Succeeded);
        var renamed = (await Catalog.ListAsync())[0];
        Assert.Equal(("Everyone", first.Key), (renamed.Name, renamed.Key));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ModelCatalogOnPostgreSqlTests() : ModelCatalogTests(StorageProvider.PostgreSql);
