using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Export;
using LeadScoringStudio.Features.Fields;
using LeadScoringStudio.Features.Import;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Features.Pipeline;
using LeadScoringStudio.Features.Queue;
using LeadScoringStudio.Features.Tuning;
using LeadScoringStudio.Features.Workbench;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor.Services;

namespace LeadScoringStudio.Hosting;

public static class ServiceRegistration
{
    public static IServiceCollection AddStudioUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    /// <summary>The shared lead library (one per server) and each circuit's workbench state.</summary>
    /// <summary>Events in this process; also to and from the other servers through Redis when <c>Events:Redis</c> is
    /// set, else through the PostgreSQL database (LISTEN/NOTIFY) when the storage is PostgreSQL.</summary>
    private static void AddEvents(IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var redis = configuration["Events:Redis"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<RelayedStudioEvents>(provider =>
                ActivatorUtilities.CreateInstance<RedisStudioEvents>(provider, redis));
        }
        else if (storage.IsPostgreSql)
        {
            services.AddSingleton<RelayedStudioEvents>(provider =>
                ActivatorUtilities.CreateInstance<PostgreSqlStudioEvents>(provider,
                    configuration.GetConnectionString(StorageOptions.ConnectionName)!));
        }
        else
        {
            services.AddSingleton<IStudioEvents, InProcessStudioEvents>();
            return;
        }

        services.AddSingleton<IStudioEvents>(provider => provider.GetRequiredService<RelayedStudioEvents>());
        services.AddHostedService(provider => provider.GetRequiredService<RelayedStudioEvents>());
    }

    public static IServiceCollection AddWorkbench(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<WorkbenchOptions>()
            .Bind(configuration.GetSection(WorkbenchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LeadLibrary>();
        services.AddSingleton<LeadFunnel>();
        services.AddSingleton<LeadLists>();
        services.AddHostedService<LeadListWarmUp>();
        services.AddSingleton<DraftScoring>();
        services.AddSingleton<DraftService>();
        services.AddSingleton<Features.Models.ModelCatalog>();
        services.AddSingleton<Features.Models.ModelComparison>();
        services.AddSingleton<Features.Workbench.Preview.QuadrantFigures>();
        services.AddScoped<WorkbenchState>();
        AddEvents(services, configuration);
        services.AddSingleton<PresenceTracker>();
        services.AddHostedService(provider => provider.GetRequiredService<PresenceTracker>());
        services.AddSingleton<LeadImportService>();
        services.AddSingleton<ImportUploads>();
        services.AddSingleton<PublishedModels>();
        services.AddSingleton<Features.Segments.SegmentRoutes>();
        services.AddSingleton<Features.Segments.RoutedScoring>();
        services.AddSingleton<Features.Segments.SegmentService>();
        services.AddSingleton<PipelineRunner>();
        services.AddSingleton<SalesQueue>();
        services.AddSingleton<FeedbackService>();
        services.AddSingleton<ScoredLeadExport>();
        services.AddSingleton<WorkspaceFields>();
        services.AddSingleton<Features.Warehouse.WarehouseMappings>();
        services.AddSingleton<Features.Warehouse.VersionSql>();
        services.AddSingleton<TuningService>();
        services.AddSingleton<TuningInputsLoader>();
        services.AddSingleton<ModelBuilding>();
        services.AddHostedService(provider => provider.GetRequiredService<PipelineRunner>());
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Handoff.WebhookOptions>()
            .Bind(configuration.GetSection(Features.Handoff.WebhookOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(Features.Handoff.WebhookSender.ClientName);
        services.AddSingleton<Features.Handoff.WebhookSender>();
        services.AddSingleton<Features.Handoff.WebhookService>();
        services.AddHostedService(provider => provider.GetRequiredService<Features.Handoff.WebhookSender>());
        services.AddScoped<CircuitPresence>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<CircuitPresence>());
        return services;
    }
}
