using System.Net;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadScoringStudio.Tests.Web.Api;

/// <summary>What a load balancer asks a server before sending people to it.</summary>
public sealed class ReadinessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Readiness_says_loading_until_the_leads_have_been_in_memory_and_needs_no_sign_in()
    {
        var fresh = new LeadLibrary(api.App.Services.GetRequiredService<LeadRepository>(),
            new InProcessStudioEvents(NullLogger<InProcessStudioEvents>.Instance), NullLogger<LeadLibrary>.Instance);

        var loading = Readiness.Answer(fresh);
        await fresh.GetAsync();
        var loaded = Readiness.Answer(fresh);
        fresh.Invalidate();
        var reloading = Readiness.Answer(fresh);
        await api.App.Services.GetRequiredService<LeadLibrary>().GetAsync();
        var ready = await api.Client(null).GetAsync("/health/ready");

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, ((IStatusCodeHttpResult)loading).StatusCode);
        Assert.Equal(StatusCodes.Status200OK, ((IStatusCodeHttpResult)loaded).StatusCode ?? 200);
        Assert.Equal(StatusCodes.Status200OK, ((IStatusCodeHttpResult)reloading).StatusCode ?? 200);
        Assert.Equal((HttpStatusCode.OK, "ready"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
    }
}
