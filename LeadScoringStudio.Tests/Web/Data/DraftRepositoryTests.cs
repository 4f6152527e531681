using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Data;

public class DraftRepositoryTests : StorageTest
{
    public DraftRepositoryTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected DraftRepositoryTests(StorageProvider provider)
        : base(seedDemo: false, provider: provider)
    {
    }

    private static readonly ScoringModel Base = StarterModel.Create();
    private DraftRepository _drafts = default!;
    private ModelRepository _models = default!;
    private int _id;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _drafts = Services.GetRequiredService<DraftRepository>();
        _models = Services.GetRequiredService<ModelRepository>();
        _id = await _models.CreateAsync(Base, "test");
    }

    [SkippableFact]
    public async Task A_commit_stores_the_draft_with_who_and_when_and_logs_each_change_in_words()
    {
        var edited = Base.WithCriterionPoints("pricing-page", 15) with { FitBands = Base.FitBands with { Second = 45 } };

        var result = await _drafts.CommitAsync(_id, Base, 0, edited, Principals.Marketing);

        Assert.True(result.Succeeded, result.Message);
        var stored = (await _models.LoadAsync(_id)).Draft;
        Assert.Equal((edited, "maya@example.com", Storage.Time.GetUtcNow(), 1L), (stored.Model, stored.SavedBy, stored.SavedAt, stored.Version));
        var log = await Services.GetRequiredService<ChangeLogRepository>().ListAsync(_id);
        Assert.Equal(["Fit grade 2 now starts at 45, was 40", "Pricing page visit: 10 → 15 points"], log.Select(c => c.Text));
        Assert.All(log, c => Assert.Equal(("maya@example.com", 1L), (c.By, c.DraftVersion)));
        Assert.Equal("pricing-page", log[1].CriterionId);
    }

    [SkippableFact]
    public async Task Edits_to_different_things_from_the_same_version_are_both_kept()
    {
        await _drafts.CommitAsync(_id, Base, 0, Base.WithCriterionPoints("webinar", 7), Principals.Marketing);

        var second = await _drafts.CommitAsync(_id, Base, 0, Base.WithCriterionPoints("pricing-page", 12), Principals.Sales);

        Assert.True(second.Succeeded);
        var stored = (await _models.LoadAsync(_id)).Draft;
        Assert.Equal(Base.WithCriterionPoints("webinar", 7).WithCriterionPoints("pricing-page", 12), stored.Model);
        Assert.Equal(2, stored.Version);
    }

    [SkippableFact]
    public async Task The_same_field_changed_at_once_is_a_conflict_and_nothing_is_overwritten_until_chosen()
    {
        await _drafts.CommitAsync(_id, Base, 0, Base.WithCriterionPoints("pricing-page", 20), Principals.Marketing);

        var conflict = await _drafts.CommitAsync(_id, Base, 0, Base.WithCriterionPoints("pricing-page", 15), Principals.Sales);

        Assert.Equal(SaveStatus.Conflict, conflict.Status);
        var only = Assert.Single(conflict.Conflicts!);
        Assert.Equal(("15", "20"), (only.Mine, only.Theirs));
        Assert.Equal(20, (await _models.LoadAsync(_id)).Draft.Model.FindCriterion("pricing-page")!.BasePoints);

        var resolved = await _drafts.CommitAsync(_id, Base, 0, Base.WithCriterionPoints("pricing-page", 15), Principals.Sales,
            new Dictionary<string, MergeChoice> { [only.Path] = MergeChoice.Mine });

        Assert.True(resolved.Succeeded);
        Assert.Equal(15, (await _models.LoadAsync(_id)).Draft.Model.FindCriterion("pricing-page")!.BasePoints);
        var log = await Services.GetRequiredService<ChangeLogRepository>().ListAsync(_id, criterionId: "pricing-page");
        Assert.Equal(["sam@example.com: Pricing page visit: 20 → 15 points", "maya@example.com: Pricing page visit: 10 → 20 points"], log.Select(c => $"{c.By}: {c.Text}"));
    }

    [SkippableFact]
    public async Task Many_people_committing_at_once_lose_nothing()
    {
        var ids = new[] { "pricing-page", "webinar", "email-click", "case-study", "whitepaper", "page-visit", "trial-usage", "contact-form" };

        var results = await Task.WhenAll(ids.Select(id => _drafts.CommitAsync(_id, Base, 0, Base.WithCriterionPoints(id, 33), Principals.Marketing)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        var stored = (await _models.LoadAsync(_id)).Draft;
        Assert.All(ids, id => Assert.Equal(33, stored.Model.FindCriterion(id)!.BasePoints));
        Assert.Equal(ids.Length, stored.Version);
    }

    [SkippableFact]
    public async Task A_model_with_problems_or_a_user_without_a_role_changes_nothing()
    {
        var invalid = await _drafts.CommitAsync(_id, Base, 0, Base with { FitBands = new GradeBands(20, 40, 60) }, Principals.Marketing);
        var refused = await _drafts.CommitAsync(_id, Base, 0, Base.WithCriterionPoints("webinar", 1), Principals.NoRole);

        Assert.Equal((SaveStatus.Invalid, SaveStatus.Refused), (invalid.Status, refused.Status));
        Assert.StartsWith("Not saved: ", invalid.Message);
        Assert.Equal(0, (await _models.LoadAsync(_id)).Draft.Version);
        Assert.Empty(await Services.GetRequiredService<ChangeLogRepository>().ListAsync(_id));
    }

    [SkippableFact]
    public async Task The_change_log_filters_by_criterion_and_person_and_only_authors_add_why()
    {
        await _drafts.CommitAsync(_id, Base, 0, Base.WithCriterionPoints("webinar", 7), Principals.Marketing);
        await _drafts.CommitAsync(_id, Base, 0, Base.WithCriterionPoints("pricing-page", 12), Principals.Sales);
        var log = Services.GetRequiredService<ChangeLogRepository>();

        Assert.Equal(["Webinar attended: 4 → 7 points"], (await log.ListAsync(_id, criterionId: "webinar")).Select(c => c.Text));
        Assert.Equal(["Pricing page visit: 10 → 12 points"], (await log.ListAsync(_id, by: "sam@example.com")).Select(c => c.Text));
        Assert.Equal(["maya@example.com", "sam@example.com"], await log.PeopleAsync(_id));

        var samsChange = (await log.ListAsync(_id, by: "sam@example.com"))[0];
        Assert.False(await log.SetWhyAsync(samsChange.Id, "not mine to explain", Principals.Marketing));
        Assert.True(await log.SetWhyAsync(samsChange.Id, "pricing visits close deals", Principals.Sales));
        Assert.Equal("pricing visits close deals", (await log.ListAsync(_id, by: "sam@example.com"))[0].Why);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class DraftRepositoryOnPostgreSqlTests() : DraftRepositoryTests(StorageProvider.PostgreSql);
