using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace LeadScoringStudio.Proxy;

/// <summary>
/// A sample reverse proxy in front of several studio servers on one PostgreSQL database (YARP): every request is
/// forwarded, WebSockets too, and a browser stays with the server it first reached (a session-affinity cookie),
/// because a Blazor circuit lives on one server. When that server stops answering its health check, its browsers
/// are sent to another one, where their sign-in cookie still works (the keys are in the database).
/// </summary>
public static class StudioProxy
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Its own file name, so that no project referencing this one (the tests) takes it for its appsettings.json;
        // the command line still overrides it (e.g. --ReverseProxy:Clusters:studio:Destinations:a:Address=…).
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = "proxy.json", FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        var app = builder.Build();
        app.MapReverseProxy();
        return app;
    }
}
