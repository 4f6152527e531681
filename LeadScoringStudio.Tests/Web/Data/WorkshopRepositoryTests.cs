using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Workshops;
using LeadScoringStudio.Data;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Data;

public class WorkshopRepositoryTests : StorageTest
{
    public WorkshopRepositoryTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected WorkshopRepositoryTests(StorageProvider provider)
        : base(seedDemo: false, provider: provider)
    {
    }

    [SkippableFact]
    public async Task Votes_are_kept_per_person_and_lead_and_a_second_vote_replaces_the_first()
    {
        var workshops = Services.GetRequiredService<WorkshopRepository>();
        var started = (await workshops.StartAsync(1, ["ex-a", "ex-b"], Principals.Ops))!;

        await workshops.VoteAsync(started.Id, "ex-a", Verdict.Nurture, Principals.Marketing);
        await workshops.VoteAsync(started.Id, "ex-a", Verdict.ReachOutNow, Principals.Marketing);
        await workshops.VoteAsync(started.Id, "ex-a", Verdict.ReachOutNow, Principals.Sales);
        Assert.False(await workshops.VoteAsync(started.Id, "not-in-the-workshop", Verdict.Nurture, Principals.Sales));

        var open = await workshops.OpenAsync(1);
        Assert.Equal(["ex-a", "ex-b"], open!.LeadIds);
        Assert.Equal([("ex-a", "maya@example.com", Verdict.ReachOutNow),
            ("ex-a", "sam@example.com", Verdict.ReachOutNow)], open.Votes.Select(v => (v.LeadId, v.Voter, v.Verdict)));
    }

    [SkippableFact]
    public async Task Someone_without_a_role_can_neither_start_a_workshop_nor_vote()
    {
        var workshops = Services.GetRequiredService<WorkshopRepository>();

        Assert.Null(await workshops.StartAsync(1, ["ex-a"], Principals.NoRole));
        var started = (await workshops.StartAsync(1, ["ex-a"], Principals.Ops))!;
        Assert.False(await workshops.VoteAsync(started.Id, "ex-a", Verdict.Nurture, Principals.NoRole));
    }

    [SkippableFact]
    public async Task A_closed_workshop_keeps_the_model_it_was_taken_on_and_takes_no_more_votes()
    {
        var workshops = Services.GetRequiredService<WorkshopRepository>();
        var started = (await workshops.StartAsync(1, ["ex-a"], Principals.Ops))!;
        await workshops.VoteAsync(started.Id, "ex-a", Verdict.Disqualify, Principals.Sales);
        var takenOn = StarterModel.Create().WithCriterionPoints("webinar", 6);

        await workshops.CloseAsync(started.Id, takenOn, draftVersion: 4);

        Assert.Null(await workshops.OpenAsync(1));
        var closed = Assert.Single(await workshops.ClosedAsync(1));
        Assert.Equal((4L, takenOn), (closed.TakenOnDraftVersion, closed.TakenOn));
        Assert.False(await workshops.VoteAsync(started.Id, "ex-a", Verdict.Nurture, Principals.Marketing));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class WorkshopRepositoryOnPostgreSqlTests() : WorkshopRepositoryTests(StorageProvider.PostgreSql);
