using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Data;

public class ModelRepositoryTests : StorageTest
{
    public ModelRepositoryTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected ModelRepositoryTests(StorageProvider provider)
        : base(seedDemo: false, requireApproval: true, provider: provider)
    {
    }

    private ModelRepository _models = default!;
    private DraftRepository _drafts = default!;
    private int _id;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _models = Services.GetRequiredService<ModelRepository>();
        _drafts = Services.GetRequiredService<DraftRepository>();
        _id = await _models.CreateAsync(StarterModel.Create(), "test");
    }

    [SkippableFact]
    public async Task A_new_model_is_a_draft_and_with_a_note_also_version_1()
    {
        var plain = await _models.LoadAsync(_id);
        Assert.Equal((StarterModel.Create(), "test", 0L), (plain.Draft.Model, plain.Draft.SavedBy, plain.Draft.Version));
        Assert.Null(plain.Published);

        var published = await _models.LoadAsync(await _models.CreateAsync(StarterModel.Create() with { Name = "Other" }, "setup", "as shipped"));
        Assert.Equal((1, "as shipped", "setup"), (published.Published!.Number, published.Published.Note, published.Published.PublishedBy));
    }

    [SkippableFact]
    public async Task Publishing_needs_Marketing_and_Sales_sign_off_on_that_exact_draft()
    {
        var approvals = Services.GetRequiredService<ApprovalRepository>();

        var refused = await _models.PublishAsync(_id, 0, "first", Principals.Ops);
        Assert.Equal(SaveStatus.Refused, refused.Status);
        Assert.Contains("Marketing and Sales", refused.Message);

        Assert.True((await approvals.ApproveAsync(_id, 0, Principals.Marketing)).Succeeded);
        Assert.Contains("from Sales", (await _models.PublishAsync(_id, 0, "first", Principals.Ops)).Message);
        Assert.True((await approvals.ApproveAsync(_id, 0, Principals.Sales)).Succeeded);
        Assert.Equal(1, (await _models.PublishAsync(_id, 0, "first", Principals.Ops)).PublishedNumber);
    }

    [SkippableFact]
    public async Task A_change_after_sign_off_voids_it()
    {
        var approvals = Services.GetRequiredService<ApprovalRepository>();
        await approvals.ApproveAsync(_id, 0, Principals.Marketing);
        await approvals.ApproveAsync(_id, 0, Principals.Sales);

        var edit = await _drafts.CommitAsync(_id, StarterModel.Create(), 0, StarterModel.Create().WithCriterionPoints("webinar", 6), Principals.Sales);

        Assert.Empty(await approvals.ForAsync(_id, edit.Draft!.Version));
        Assert.Equal(SaveStatus.Refused, (await _models.PublishAsync(_id, edit.Draft.Version, "after the change", Principals.Ops)).Status);
        Assert.Equal(SaveStatus.Conflict, (await approvals.ApproveAsync(_id, 0, Principals.Marketing)).Status);
    }

    [SkippableFact]
    public async Task Versions_are_numbered_kept_with_their_notes_and_immutable()
    {
        var v1 = await PublishSignedOffAsync(0, "first");
        var edit = await _drafts.CommitAsync(_id, StarterModel.Create(), 0, StarterModel.Create().WithCriterionPoints("webinar", 7), Principals.Marketing);
        var v2 = await PublishSignedOffAsync(edit.Draft!.Version, "webinars count more");

        Assert.Equal((1, 2), (v1.PublishedNumber, v2.PublishedNumber));
        var versions = await _models.PublishedVersionsAsync(_id);
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal(7, versions[0].Model.FindCriterion("webinar")!.BasePoints);
        Assert.Equal(StarterModel.Create(), versions[1].Model);
        Assert.Equal(("webinars count more", "olga@example.com"), (versions[0].Note, versions[0].PublishedBy));
    }

    [SkippableTheory]
    [InlineData("Sales")]
    [InlineData("Marketing")]
    public async Task Only_Ops_may_publish(string role)
    {
        var result = await _models.PublishAsync(_id, 0, "please", role == "Sales" ? Principals.Sales : Principals.Marketing);

        Assert.Equal(SaveStatus.Refused, result.Status);
        Assert.Contains("Only Ops", result.Message);
        Assert.Empty(await _models.PublishedVersionsAsync(_id));
    }

    [SkippableFact]
    public async Task Publishing_needs_a_note_and_the_draft_the_publisher_saw()
    {
        Assert.Contains("note", (await _models.PublishAsync(_id, 0, "  ", Principals.Ops)).Message);

        await _drafts.CommitAsync(_id, StarterModel.Create(), 0, StarterModel.Create().WithCriterionPoints("webinar", 2), Principals.Sales);
        var stale = await _models.PublishAsync(_id, 0, "what I saw", Principals.Ops);

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Contains("sam@example.com changed the draft", stale.Message);
    }

    private async Task<SaveResult> PublishSignedOffAsync(long draftVersion, string note)
    {
        var approvals = Services.GetRequiredService<ApprovalRepository>();
        await approvals.ApproveAsync(_id, draftVersion, Principals.Marketing);
        await approvals.ApproveAsync(_id, draftVersion, Principals.Sales);
        return await _models.PublishAsync(_id, draftVersion, note, Principals.Ops);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ModelRepositoryOnPostgreSqlTests() : ModelRepositoryTests(StorageProvider.PostgreSql);
