using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Data;

public sealed class ModelRepositoryTests() : StorageTest(seedDemo: false)
{
    private ModelRepository _models = default!;
    private int _id;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _models = Services.GetRequiredService<ModelRepository>();
        _id = await _models.CreateAsync(StarterModel.Create(), "test");
    }

    [Fact]
    public async Task A_saved_draft_reads_back_equal_with_who_and_when()
    {
        var edited = StarterModel.Create().WithCriterionPoints("pricing-page", 17) with { Name = "Q3 model" };

        var result = await _models.SaveDraftAsync(_id, edited, expectedVersion: 0, Principals.Marketing, "pricing up");

        Assert.True(result.Succeeded, result.Message);
        var workspace = await _models.LoadAsync(_id);
        Assert.Equal(edited, workspace.Draft.Model);
        Assert.Equal("maya@example.com", workspace.Draft.SavedBy);
        Assert.Equal(Storage.Time.GetUtcNow(), workspace.Draft.SavedAt);
        Assert.Equal("pricing up", workspace.Draft.Note);
        Assert.Equal(result.Version, workspace.Draft.Version);
        Assert.Null(workspace.Published);
    }

    [Fact]
    public async Task A_second_save_from_an_old_version_is_refused_and_keeps_the_first()
    {
        var first = StarterModel.Create().WithCriterionPoints("pricing-page", 20);
        var second = StarterModel.Create().WithCriterionPoints("demo-request", 5);
        Assert.True((await _models.SaveDraftAsync(_id, first, 0, Principals.Marketing)).Succeeded);

        var conflict = await _models.SaveDraftAsync(_id, second, 0, Principals.Sales);

        Assert.Equal(SaveStatus.Conflict, conflict.Status);
        Assert.Contains("maya@example.com", conflict.Message);
        Assert.Equal(first, (await _models.LoadAsync(_id)).Draft.Model);
    }

    [Fact]
    public async Task Publishing_numbers_versions_and_keeps_each_with_its_note()
    {
        var v1 = StarterModel.Create();
        var v2 = v1.WithCriterionPoints("webinar", 9);

        var first = await _models.PublishAsync(_id, v1, 0, "first", Principals.Ops);
        var second = await _models.PublishAsync(_id, v2, first.Version, "webinars count more", Principals.Ops);

        Assert.Equal(1, first.PublishedNumber);
        Assert.Equal(2, second.PublishedNumber);
        var versions = await _models.PublishedVersionsAsync(_id);
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal(v2, versions[0].Model);
        Assert.Equal(v1, versions[1].Model);
        Assert.Equal("webinars count more", versions[0].Note);
        Assert.Equal("olga@example.com", versions[0].PublishedBy);
        Assert.Equal(v2, (await _models.LoadAsync(_id)).Published!.Model);
    }

    [Theory]
    [InlineData("Sales")]
    [InlineData("Marketing")]
    public async Task Only_Ops_may_publish(string role)
    {
        var user = role == "Sales" ? Principals.Sales : Principals.Marketing;

        var result = await _models.PublishAsync(_id, StarterModel.Create(), 0, "please", user);

        Assert.Equal(SaveStatus.Refused, result.Status);
        Assert.Contains("Only Ops", result.Message);
        Assert.Empty(await _models.PublishedVersionsAsync(_id));
    }

    [Fact]
    public async Task A_user_without_a_role_cannot_save()
    {
        var result = await _models.SaveDraftAsync(_id, StarterModel.Create().WithCriterionPoints("webinar", 1), 0, Principals.NoRole);

        Assert.Equal(SaveStatus.Refused, result.Status);
        Assert.Equal(0, (await _models.LoadAsync(_id)).Draft.Version);
    }

    [Fact]
    public async Task A_model_with_problems_is_not_stored_and_the_message_says_why()
    {
        var broken = StarterModel.Create() with { FitBands = new GradeBands(20, 40, 60) };

        var result = await _models.SaveDraftAsync(_id, broken, 0, Principals.Marketing);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains("problem", result.Message);
        Assert.Equal(StarterModel.Create(), (await _models.LoadAsync(_id)).Draft.Model);
    }

    [Fact]
    public async Task Publishing_needs_a_note()
    {
        var result = await _models.PublishAsync(_id, StarterModel.Create(), 0, "  ", Principals.Ops);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains("note", result.Message);
    }

    [Fact]
    public async Task The_draft_is_stored_as_a_model_file()
    {
        await _models.SaveDraftAsync(_id, StarterModel.Create().WithCriterionPoints("webinar", 6), 0, Principals.Sales);

        await using var db = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var stored = db.Models.Single(m => m.Id == _id).DraftDocument;
        Assert.Equal(6, ModelFile.Read(stored).Model!.FindCriterion("webinar")!.BasePoints);
    }
}
