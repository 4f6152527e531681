using LeadScoringStudio.Features.Leads;

namespace LeadScoringStudio.Hosting;

/// <summary>
/// <c>GET /health/ready</c>: 200 once this server has had its leads in memory; before that 503, and the load begins.
/// What a load balancer asks before sending people to a server that has just started (a million leads take seconds to
/// load). A server reading its leads again after a big import stays ready: its pages wait, its people stay. It names no
/// data, so it needs no sign-in.
/// </summary>
public static class Readiness
{
    public const string Path = "/health/ready";

    public static void MapReadiness(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, Answer).AllowAnonymous().ExcludeFromDescription();

    public static IResult Answer(LeadLibrary library)
    {
        if (library.HasLoaded)
        {
            return Results.Text("ready");
        }

        // Starts the load without waiting; LeadLibrary logs a load that fails, and the next call tries again.
        _ = library.GetAsync();
        return Results.Text("loading leads", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
