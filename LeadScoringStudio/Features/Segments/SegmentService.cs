using System.Security.Claims;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Segments;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Fields;
using LeadScoringStudio.Features.Models;
using LeadScoringStudio.Security;

namespace LeadScoringStudio.Features.Segments;

/// <summary>What the segments page shows: the live routing with each segment's leads and MQLs, the published
/// versions, and the models a segment may be scored by (those with a published version).</summary>
public sealed record SegmentsOverview(LiveRouting Live, IReadOnlyList<SegmentCount> Counts,
    IReadOnlyList<RoutingVersion> Versions, IReadOnlyList<ModelEntry> Models, IReadOnlyList<FieldDefinition> Fields);

/// <summary>A proposed routing's problems, or (when it has none) what it would do to the stored leads.</summary>
public sealed record RoutingPreview(IReadOnlyList<ModelProblem> Problems, RoutingImpact? Impact);

/// <summary>
/// The segment routing as people work on it: show the live one, preview a proposal's impact on the stored leads
/// before it lands (Marketing and Ops), and publish it as the next version (Ops, with a note; refused when someone
/// published since the proposal was started).
/// </summary>
public sealed class SegmentService(RoutingRepository routings, SegmentRoutes routes, RoutedScoring routed,
    ModelCatalog catalog, PublishedModels published, WorkspaceFields fields, IStudioEvents events,
    AccountCheck accounts, TimeProvider time)
{
    public static bool MayPreview(ClaimsPrincipal user) =>
        user.IsInRole(StudioRoles.Marketing) || user.IsInRole(StudioRoles.Ops);

    public async Task<SegmentsOverview?> LoadAsync()
    {
        if (await routed.GetAsync() is not { } view)
        {
            return null;
        }

        return new SegmentsOverview(view.Live, view.Scores.CountBySegment(), await routings.VersionsAsync(),
            await PublishedModelsAsync(), [.. (await fields.FieldsAsync()).Select(f => f.Definition)]);
    }

    public async Task<RoutingPreview> PreviewAsync(SegmentRouting proposal, ClaimsPrincipal user)
    {
        if (!MayPreview(await accounts.NowAsync(user)))
        {
            return new RoutingPreview([new ModelProblem("", "Only Marketing and Ops work on the routing.")], null);
        }

        var problems = await ProblemsAsync(proposal);
        if (problems.Count > 0 || await routed.GetAsync() is not { } current
            || await routes.ResolveAsync(proposal, 0) is not { } resolved)
        {
            return new RoutingPreview(problems, null);
        }

        var leads = current.Basis;
        var after = await Task.Run(() => resolved.Routed.Score(leads.Leads.Batch, leads.AsOf));
        return new RoutingPreview([], RoutingImpact.Compare(current.Scores, after));
    }

    /// <summary>Publishes <paramref name="proposal"/> as version <paramref name="basedOn"/> + 1; the stored leads are
    /// rescored through it.</summary>
    public async Task<SaveResult> PublishAsync(SegmentRouting proposal, int basedOn, string note, ClaimsPrincipal user)
    {
        var now = await accounts.NowAsync(user);
        if (!StudioRoles.CanPublish(now))
        {
            return new SaveResult(SaveStatus.Refused, "Only Ops publishes the routing.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return new SaveResult(SaveStatus.Invalid, "Say in a note why the routing changes.");
        }

        if (await ProblemsAsync(proposal) is { Count: > 0 } problems)
        {
            return new SaveResult(SaveStatus.Invalid, string.Join(" ", problems.Select(p => p.Message + ".")));
        }

        if (!await routings.AddAsync(proposal, basedOn, StudioRoles.NameOf(now), time.GetUtcNow(), note.Trim()))
        {
            return new SaveResult(SaveStatus.Conflict,
                "Someone published the routing since you started; reload it and make your change again.");
        }

        routes.Forget();
        events.Publish(new RoutingPublished(basedOn + 1));
        return new SaveResult(SaveStatus.Saved, $"Routing v{basedOn + 1} is live; the leads are being rescored.",
            PublishedNumber: basedOn + 1);
    }

    private async Task<IReadOnlyList<ModelProblem>> ProblemsAsync(SegmentRouting proposal)
    {
        var models = await PublishedModelsAsync();
        var workspace = (await routes.GetAsync())?.Segments[^1].Published.Model ?? StarterModel.Create();
        var known = workspace with { Fields = [.. (await fields.FieldsAsync()).Select(f => f.Definition)] };
        return SegmentRoutingValidator.Validate(proposal, models.Select(m => m.Key).ToHashSet(), known);
    }

    private async Task<IReadOnlyList<ModelEntry>> PublishedModelsAsync()
    {
        var withVersion = new List<ModelEntry>();
        foreach (var model in await catalog.ListAsync())
        {
            if (await published.GetAsync(model.Id) is not null)
            {
                withVersion.Add(model);
            }
        }

        return withVersion;
    }
}
