using System.Security.Cryptography;
using System.Text;

namespace LeadScoringStudio.Core.Handoff;

/// <summary>
/// How a delivery is signed: HMAC-SHA256 with the webhook's secret over "{timestamp}.{body}", the timestamp being
/// Unix seconds sent in its own header. A receiver recomputes it, compares in constant time, and refuses a
/// timestamp older than <see cref="Tolerance"/> (a replay).
/// </summary>
public static class WebhookSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>"sha256=" and the lower-case hex digest.</summary>
    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{timestamp}.{body}"))).ToLowerInvariant();

    public static bool Verify(string secret, long timestamp, string body, string signature, DateTimeOffset now) =>
        Math.Abs(now.ToUnixTimeSeconds() - timestamp) <= Tolerance.TotalSeconds
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)),
            Encoding.ASCII.GetBytes(signature));
}
