using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>One POST a webhook receiver got: its headers, raw body and when it came.</summary>
public sealed record ReceivedDelivery(IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);

/// <summary>
/// A webhook receiver on a loopback port: it records every POST to <c>/hook</c>, answers 500 to the first
/// <see cref="FailFirst"/> of them, and may take <see cref="Delay"/> to answer.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _seen;

    private LoopbackReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();

    public int FailFirst { get; set; }

    public TimeSpan Delay { get; set; }

    public string Url { get; private set; } = "";

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new LoopbackReceiver(builder.Build());
        receiver._app.MapPost("/hook", receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        Received.Enqueue(new ReceivedDelivery(
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body,
            DateTimeOffset.UtcNow));
        await Task.Delay(Delay);
        return Interlocked.Increment(ref _seen) <= FailFirst ? Results.StatusCode(500) : Results.Ok();
    }
}
