using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Core.Handoff;
using LeadScoringStudio.Features.Fields;
using LeadScoringStudio.Features.Handoff;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Models;
using LeadScoringStudio.Features.Segments;
using LeadScoringStudio.Features.Warehouse;
using LeadScoringStudio.Security;
using System.Security.Claims;
using LeadScoringStudio.Core.Models;
using Microsoft.AspNetCore.Mvc;

namespace LeadScoringStudio.Features.Api;

/// <summary>
/// The REST API under <c>/api/v1</c>: every endpoint needs an API key (read or write scope), is rate
/// limited per key, and answers validation errors as ProblemDetails naming the field.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>The largest request body: a full batch of 1,000 leads with their activities fits easily.</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public static IEndpointRouteBuilder MapStudioApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireRateLimiting(ApiPolicies.RateLimit)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithTags("Lead Scoring Studio API");
        var read = api.MapGroup("").RequireAuthorization(ApiPolicies.Read);
        var write = api.MapGroup("").RequireAuthorization(ApiPolicies.Write);

        read.MapPost("/score", RoutedScoreAsync)
            .WithSummary("Score a lead given in the request (stateless), with its explanation, by the model of the " +
                "segment the routing puts it in: its published version, a named one (?version=N) or its shared " +
                "draft (?version=draft, Marketing and Ops keys).");
        read.MapPost("/models/{key}/score", ScoreWithModelAsync)
            .WithSummary("The same, against a named model (its key from /models): its published version, " +
                "?version=N, or its draft (?version=draft, Marketing and Ops keys).");
        read.MapGet("/leads/{id}/score", StoredScoreAsync)
            .WithSummary("The score of a stored lead by its segment's published model, and its stage as the " +
                "lifecycle recorded it (null until the lead's first rescoring).");
        read.MapGet("/models", ModelsAsync)
            .WithSummary("The models (not archived) with their key, draft version and published versions; the " +
                "segment routing chooses which one scores each lead.");
        read.MapGet("/models/{key}/versions/{number:int}/sql", async (string key, int number, string? dialect,
                string? format, ModelCatalog catalog, VersionSql sql) =>
                await catalog.FindAsync(key) is { } model
                    ? await sql.FileAsync(model, number, dialect, format)
                    : NotFound($"There is no model with key '{key}'; GET /api/v1/models lists them."))
            .Produces<string>(contentType: "text/plain")
            .WithSummary("A published version as one SQL statement that scores every lead in your warehouse with " +
                "the studio's numbers: ?dialect=duckdb|postgresql|spark, ?format=sql (default) or dbt (a dbt model " +
                "file). " +
                "The tables and columns are the workspace's warehouse mapping.");
        read.MapGet("/webhooks/events", (TimeProvider time) => Results.Ok(HandoffExamples.All(time.GetUtcNow())))
            .Produces<IReadOnlyList<HandoffPayload>>()
            .WithSummary("An example body of every webhook event, the same JSON each delivery carries, to build a " +
                "receiver against.");
        write.MapPut("/leads", UpsertLeadsAsync)
            .WithSummary("Insert or update up to 1,000 leads by id (attributes given are set, null removes one; " +
                "outcome converted/lost/unknown).");
        write.MapPost("/activities", AppendActivitiesAsync)
            .WithSummary("Append up to 1,000 activity events to stored leads.");
        return endpoints;
    }

    private static async Task<IResult> ScoreWithModelAsync(string key, LeadInput lead, string? version,
        ClaimsPrincipal caller, ModelCatalog catalog, PublishedModels published, ModelRepository models,
        TimeProvider time) =>
        await catalog.FindAsync(key) is { } model
            ? await ScoreAsync(lead, version, caller, published, models, time, model, null)
            : NotFound($"There is no model with key '{key}'; GET /api/v1/models lists them.");

    /// <summary>Routes the lead through the live segment routing, then scores it with its segment's model.</summary>
    private static async Task<IResult> RoutedScoreAsync(LeadInput lead, string? version, ClaimsPrincipal caller,
        SegmentRoutes routes, PublishedModels published, ModelRepository models, TimeProvider time)
    {
        if (await routes.GetAsync() is not { } live)
        {
            return NotFound("Nothing is published yet.");
        }

        // Routing reads only attributes; any field the live routing's models know will do to read them.
        var routingInput = new ApiInput(live.Segments[^1].Published.Model, time.GetUtcNow());
        var parsed = routingInput.Lead(lead, "lead", needsId: false);
        if (parsed is null)
        {
            return Results.ValidationProblem(routingInput.Errors, title: "The lead has errors.");
        }

        var segment = live.For(parsed);
        return await ScoreAsync(lead, version, caller, published, models, time,
            new ModelEntry(segment.ModelId, segment.ModelKey, segment.ModelName, false), segment.Segment.Name);
    }

    private static async Task<IResult> ScoreAsync(LeadInput lead, string? version, ClaimsPrincipal key,
        PublishedModels published, ModelRepository models, TimeProvider time, ModelEntry entry, string? segment)
    {
        var chosen = await ChooseAsync(entry.Id, version, key, published, models);
        if (chosen.Model is not { } model)
        {
            return chosen.Refusal!;
        }

        var input = new ApiInput(model, time.GetUtcNow());
        var parsed = input.Lead(lead, "lead", needsId: false);
        return parsed is null
            ? Results.ValidationProblem(input.Errors, title: "The lead has errors.")
            : Results.Ok(Response(LeadScorer.Score(model, parsed, time.GetUtcNow()), chosen.Version,
                parsed.Id.Length == 0 ? null : parsed.Id) with
            {
                IsDraft = chosen.IsDraft, Model = entry.Key, Segment = segment,
            });
    }

    /// <summary>The version of a model <c>?version=</c> names: none is the latest published version, a number a
    /// published one, "draft" the shared draft (for Marketing and Ops keys only). Published versions come from the
    /// cache, so scoring with them reads no database.</summary>
    private static async Task<ChosenModel> ChooseAsync(int modelId, string? version, ClaimsPrincipal key,
        PublishedModels published, ModelRepository models)
    {
        if (string.Equals(version, "draft", StringComparison.OrdinalIgnoreCase))
        {
            if (!ApiPolicies.MayReadDraft(key))
            {
                return ChosenModel.Refused(Results.Problem(
                    "Only a Marketing or Ops key may score against the draft; this key is for another team.",
                    statusCode: StatusCodes.Status403Forbidden));
            }

            var draft = (await models.LoadAsync(modelId)).Draft;
            return new ChosenModel(draft.Model, draft.Version, true, null);
        }

        if (version is not null && !int.TryParse(version, out _))
        {
            return ChosenModel.Refused(Results.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["version"] = [$"'{version}' is neither a version number nor 'draft'"],
                },
                title: "The version is not understood."));
        }

        int? number = version is null ? null : int.Parse(version);
        return await published.GetAsync(modelId, number) is { } model
            ? new ChosenModel(model.Model, model.Number, false, null)
            : ChosenModel.Refused(NotFound(number is null
                ? "Nothing is published yet."
                : $"There is no published version {number}."));
    }

    private sealed record ChosenModel(ScoringModel? Model, long Version, bool IsDraft, IResult? Refusal)
    {
        public static ChosenModel Refused(IResult refusal) => new(null, 0, false, refusal);
    }

    private static async Task<IResult> StoredScoreAsync(string id, HttpRequest request, LeadRepository leads,
        SalesQueueRepository lifecycle, SegmentRoutes routes, TimeProvider time)
    {
        if (await routes.GetAsync() is not { } live)
        {
            return NotFound("Nothing is published yet.");
        }

        if (await leads.FindAsync(id) is not { } stored)
        {
            return NotFound($"There is no lead with id '{id}'.");
        }

        var segment = live.For(stored.Lead);
        var score = LeadScorer.Score(segment.Published.Model, stored.Lead, time.GetUtcNow());
        return Results.Ok(Response(score, segment.Published.Number, id) with
        {
            Model = segment.ModelKey,
            Segment = segment.Segment.Name,
            Stage = (await lifecycle.StateAsync(id))?.Stage.ToString(),
            Page = $"{request.Scheme}://{request.Host}{request.PathBase}/{LeadText.Link(id)}",
        });
    }

    private static async Task<IResult> ModelsAsync(ModelCatalog catalog, ModelRepository models)
    {
        var summaries = new List<ModelSummary>();
        foreach (var entry in await catalog.ListAsync())
        {
            var workspace = await models.LoadAsync(entry.Id);
            var versions = await models.PublishedVersionsAsync(entry.Id);
            summaries.Add(new ModelSummary(entry.Id, entry.Name, workspace.Draft.Version,
                versions.Select(v => new VersionSummary(v.Number, v.PublishedAt, v.PublishedBy, v.Note)).ToList(),
                entry.Key, entry.IsDefault));
        }

        return Results.Ok(summaries);
    }

    private static async Task<IResult> UpsertLeadsAsync(
        List<LeadInput> leads, SegmentRoutes routes, ModelRepository models, WorkspaceFields fields,
            LeadWriter writer, LeadLibrary library, IStudioEvents events, TimeProvider time)
    {
        var model = await ReadingModelAsync(routes, models);
        var input = new ApiInput(model, time.GetUtcNow(), await fields.FieldsAsync());
        if (!input.CheckBatch(leads.Count, "leads"))
        {
            return Results.ValidationProblem(input.Errors, title: "The batch has the wrong size; nothing was written.");
        }

        var parsed = leads.Select((lead, i) => input.Upsert(lead, $"leads[{i}]"))
            .OfType<(ImportedLead Lead, IReadOnlyList<Activity> Activities)>().ToList();
        foreach (var duplicate in parsed.GroupBy(p => p.Lead.Id).Where(g => g.Count() > 1))
        {
            input.Error("leads", $"the id '{duplicate.Key}' appears {duplicate.Count()} times");
        }

        if (!input.IsValid)
        {
            return Results.ValidationProblem(input.Errors, title: "The leads have errors; none were written.");
        }

        var activities = parsed.SelectMany(p => p.Activities.Select(a => new ImportedActivity(0, p.Lead.Id, a)))
            .ToList();
        var summary = await writer.UpsertAsync(parsed.Select(p => p.Lead).ToList(), activities);
        Changed(library, events, summary);
        events.Publish(new FieldsChanged());
        return Results.Ok(new WriteResponse(summary.Inserted, summary.Updated, summary.ActivitiesAdded));
    }

    private static async Task<IResult> AppendActivitiesAsync(List<ActivityInput> activities, SegmentRoutes routes,
        ModelRepository models, LeadRepository leads, LeadWriter writer, LeadLibrary library, IStudioEvents events,
        TimeProvider time)
    {
        var model = await ReadingModelAsync(routes, models);
        var input = new ApiInput(model, time.GetUtcNow());
        if (!input.CheckBatch(activities.Count, "activities"))
        {
            return Results.ValidationProblem(input.Errors, title: "The batch has the wrong size; nothing was written.");
        }

        var known = await leads.ExternalIdsAsync();
        var parsed = new List<ImportedActivity>();
        for (var i = 0; i < activities.Count; i++)
        {
            var leadId = activities[i].LeadId?.Trim() ?? "";
            if (!known.Contains(leadId))
            {
                input.Error($"activities[{i}].leadId", $"there is no lead with id '{leadId}'");
            }

            if (input.Activity(activities[i], $"activities[{i}]") is { } activity)
            {
                parsed.Add(new ImportedActivity(0, leadId, activity));
            }
        }

        if (!input.IsValid)
        {
            return Results.ValidationProblem(input.Errors, title: "The activities have errors; none were written.");
        }

        var summary = await writer.UpsertAsync([], parsed);
        Changed(library, events, summary);
        return Results.Ok(new WriteResponse(0, 0, summary.ActivitiesAdded));
    }

    /// <summary>The model whose fields and activity types stored leads are read with: the routing's default
    /// segment's published model, or the default model's draft before anything is published.</summary>
    private static async Task<ScoringModel> ReadingModelAsync(SegmentRoutes routes, ModelRepository models) =>
        (await routes.GetAsync())?.Segments[^1].Published.Model
        ?? (await models.LoadAsync((await models.DefaultModelIdAsync())!.Value)).Draft.Model;

    private static void Changed(LeadLibrary library, IStudioEvents events, WriteSummary summary)
    {
        library.Changed(summary.Changed);
        events.Publish(LeadsChanged.Of(summary.Changed));
    }

    private static ScoreResponse Response(LeadScore score, long version, string? leadId) => new(
        leadId, version, score.Total, score.Fit, score.Engagement,
        score.IsDisqualified ? "disqualified" : score.Cell.ToString(), score.Action.Label,
            score.Action.Route.ToString(), score.IsMql,
        score.DisqualificationReasons.ToList(),
        score.Categories.ToDictionary(c => c.CategoryId, c => c.Score),
        score.Explanation.Select(l => new ExplanationItem(l.Kind.ToString(), l.CriterionId, l.Label, l.Evidence,
            l.Final)).ToList());

    private static IResult NotFound(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound);
}
