using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>The published versions a running app scores with: the default model's latest, and the one the routing
/// scores a given lead with.</summary>
internal static class PublishedVersions
{
    public static async Task<PublishedModel> DefaultAsync(IServiceProvider services)
    {
        var id = (await services.GetRequiredService<ModelRepository>().DefaultModelIdAsync())!.Value;
        return (await services.GetRequiredService<PublishedModels>().GetAsync(id))!;
    }

    public static async Task<ScoringModel> OfLeadAsync(IServiceProvider services, Lead lead) =>
        (await services.GetRequiredService<SegmentRoutes>().GetAsync())!.For(lead).Published.Model;
}
