using System.Security.Cryptography;

namespace LeadScoringStudio.Hosting;

/// <summary>
/// Headers every response carries: a Content-Security-Policy that lets only this site's scripts run (the one inline
/// script, Blazor's import map, carries a per-request nonce) and forbids framing, plus nosniff and a same-origin
/// referrer policy. MudBlazor and Plotly set inline styles, so styles allow them.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>Adds the headers; the nonce is hex, so no HTML encoding changes it on the page.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; " +
                $"script-src 'self' 'nonce-{nonce}'; " +
                "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
                "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
                "form-action 'self'; " +
                "frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            await next();
        });
        return app;
    }

    /// <summary>The nonce this request's inline scripts must carry.</summary>
    public static string NonceOf(HttpContext context) => context.Items[NonceKey] as string ?? "";
}
