using Route = LeadScoringStudio.Core.Models.Route;

namespace LeadScoringStudio.Features.Workbench.Editor;

/// <summary>Routes as the workbench names them.</summary>
public static class RouteText
{
    public static string Of(Route route) => route switch
    {
        Route.SalesNow => "Sales, now",
        Route.Sales => "Sales",
        Route.Nurture => "Nurture",
        Route.AccountBased => "Account-based",
        Route.Disqualify => "Disqualify",
        _ => route.ToString(),
    };
}
