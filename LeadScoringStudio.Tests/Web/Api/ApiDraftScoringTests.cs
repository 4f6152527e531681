using System.Net;
using System.Net.Http.Json;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Segments;
using LeadScoringStudio.Security;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Api;

/// <summary><c>POST /api/v1/score?version=draft</c>: the shared draft, for Marketing and Ops keys only.</summary>
public sealed class ApiDraftScoringTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Marketing_and_ops_keys_score_against_the_draft_and_a_sales_key_may_not()
    {
        var keys = api.App.Services.GetRequiredService<ApiKeyRepository>();
        var models = api.App.Services.GetRequiredService<ModelRepository>();
        // The routed score's draft is the draft of the model of Ada's segment.
        var id = (await api.App.Services.GetRequiredService<SegmentRoutes>().GetAsync())!
            .For(ApiTests.Parse(ApiTests.Ada)).ModelId;
        var draft = (await models.LoadAsync(id)).Draft;
        var commit = await api.App.Services.GetRequiredService<DraftRepository>().CommitAsync(id, draft.Model,
            draft.Version, draft.Model.WithCriterionPoints("demo-request", 90), Principals.Marketing);
        Assert.True(commit.Wrote);

        var published = await (await api.Client(api.ReadKey).PostAsJsonAsync("/api/v1/score", ApiTests.Ada))
            .Content.ReadFromJsonAsync<ScoreResponse>();
        foreach (var team in new[] { StudioRoles.Marketing, StudioRoles.Ops })
        {
            var key = (await keys.CreateAsync($"{team} draft", ApiScope.Read, Principals.Ops, team))!.Value.Key;
            var scored = await (await api.Client(key).PostAsJsonAsync("/api/v1/score?version=draft", ApiTests.Ada))
                .Content.ReadFromJsonAsync<ScoreResponse>();
            Assert.True(scored!.IsDraft);
            Assert.Equal((await models.LoadAsync(id)).Draft.Version, scored.ModelVersion);
            Assert.True(Points(scored, "demo-request") > Points(published!, "demo-request"));
        }

        var sales = (await keys.CreateAsync("sales draft", ApiScope.Write, Principals.Ops,
            StudioRoles.Sales))!.Value.Key;
        var refused = await api.Client(sales).PostAsJsonAsync("/api/v1/score?version=draft", ApiTests.Ada);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Marketing or Ops key", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Client(api.ReadKey)
            .PostAsJsonAsync("/api/v1/score?version=draft", ApiTests.Ada)).StatusCode);
        var nonsense = await api.Client(api.ReadKey).PostAsJsonAsync("/api/v1/score?version=latest", ApiTests.Ada);
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        Assert.Contains("neither a version number nor 'draft'", await nonsense.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_named_model_scores_with_its_own_versions_and_an_unknown_key_is_404()
    {
        var catalog = api.App.Services.GetRequiredService<Features.Models.ModelCatalog>();
        var (_, blank) = await catalog.CreateAsync("Nothing scores", Features.Models.ModelOrigin.Blank, null,
            Principals.Ops);

        var routed = await (await api.Client(api.ReadKey).PostAsJsonAsync("/api/v1/score", ApiTests.Ada))
            .Content.ReadFromJsonAsync<ScoreResponse>();
        var first = (await catalog.FindAsync(routed!.Model))!;
        var byKey = await (await api.Client(api.ReadKey).PostAsJsonAsync($"/api/v1/models/{first.Key}/score",
            ApiTests.Ada)).Content.ReadFromJsonAsync<ScoreResponse>();
        var byBlank = await (await api.Client(api.ReadKey).PostAsJsonAsync($"/api/v1/models/{blank!.Key}/score",
            ApiTests.Ada)).Content.ReadFromJsonAsync<ScoreResponse>();

        Assert.Equal((routed!.Total, routed.ModelVersion), (byKey!.Total, byKey.ModelVersion));
        Assert.True(routed.Total > 0);
        Assert.Equal(1L, byBlank!.ModelVersion);
        Assert.True(byBlank.Total < routed.Total);
        Assert.DoesNotContain(byBlank.Explanation, e => e.CriterionId == "seniority-exec");
        Assert.Contains(byKey.Explanation, e => e.CriterionId == "seniority-exec");
        var missing = await api.Client(api.ReadKey).PostAsJsonAsync("/api/v1/models/no-such/score", ApiTests.Ada);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no model with key 'no-such'", await missing.Content.ReadAsStringAsync());
        var models = await api.Client(api.ReadKey).GetFromJsonAsync<List<ModelSummary>>("/api/v1/models");
        Assert.Equal(["starter-model", "enterprise-model", blank.Key], models!.Select(m => m.Key));
    }

    private static int Points(ScoreResponse score, string criterion) =>
        score.Explanation.Single(e => e.CriterionId == criterion).Points;

}
