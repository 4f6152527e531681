using LeadScoringStudio.Features.Leads;
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

    public static IServiceCollection AddDemoWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DemoWorkspace>();
        return services;
    }
}
