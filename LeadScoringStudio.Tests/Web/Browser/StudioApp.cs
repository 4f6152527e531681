using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Tests.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>The real app, on a fresh demo database of its own.</summary>
public sealed class StudioApp : WebApplicationFactory<Program>
{
    private readonly TestStorage _storage;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <summary>The app on a real port for a browser, or (<paramref name="realPort"/> false) in memory for
    /// <c>CreateClient()</c>.</summary>
    public StudioApp(TestStorage storage, bool realPort = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _storage = storage;
        _settings = settings ?? new Dictionary<string, string?>();
        if (realPort)
        {
            UseKestrel(0);
            StartServer();
            BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .TrimEnd('/');
        }
    }

    public string BaseUrl { get; } = "";

    /// <summary>Starts the app and creates the accounts of <see cref="Principals"/> in it, for tests that call its
    /// services as those people.</summary>
    public async Task AddTestAccountsAsync()
    {
        if (BaseUrl.Length == 0)
        {
            _ = Server;
        }

        await Principals.AddToAsync(Services);
    }

    /// <summary>The app's broadcasts, which a test may hold back for a moment.</summary>
    public HeldStudioEvents Events => (HeldStudioEvents)Services.GetRequiredService<IStudioEvents>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _storage.Settings.Concat(_settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton<IStudioEvents>(provider =>
            new HeldStudioEvents(ActivatorUtilities.CreateInstance<InProcessStudioEvents>(provider))));
    }
}
