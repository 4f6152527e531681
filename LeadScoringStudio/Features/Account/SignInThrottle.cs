using System.Collections.Concurrent;

namespace LeadScoringStudio.Features.Account;

/// <summary>
/// Slows down password guessing without letting an outsider lock anyone out. Failed sign-ins are counted per address
/// and per account name (whether or not the account exists). After a few free failures, each further attempt must wait
/// twice as long as the last: from one address up to 15 minutes, on one account up to 30 seconds, so guessing an
/// admin's password from many addresses is slow while the admin still gets in. A success clears both counts.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    private static readonly Rule PerAddress = new(FreeFailures: 10, MaxWait: TimeSpan.FromMinutes(15));
    private static readonly Rule PerAccount = new(FreeFailures: 5, MaxWait: TimeSpan.FromSeconds(30));
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(30);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long this address must wait before trying this account again; zero when it may try now.</summary>
    public TimeSpan WaitFor(string address, string account)
    {
        var now = time.GetUtcNow();
        var wait = Max(Wait(AddressKey(address), PerAddress, now), Wait(AccountKey(account), PerAccount, now));
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Failed(string address, string account)
    {
        var now = time.GetUtcNow();
        foreach (var key in new[] { AddressKey(address), AccountKey(account) })
        {
            _failures.AddOrUpdate(key, _ => new Failures(1, now), (_, old) =>
                new Failures(Fresh(old, now) ? old.Count + 1 : 1, now));
        }

        if (_failures.Count > PruneAbove)
        {
            foreach (var stale in _failures.Where(f => !Fresh(f.Value, now)).Select(f => f.Key).ToList())
            {
                _failures.TryRemove(stale, out _);
            }
        }
    }

    public void Succeeded(string address, string account)
    {
        _failures.TryRemove(AddressKey(address), out _);
        _failures.TryRemove(AccountKey(account), out _);
    }

    private TimeSpan Wait(string key, Rule rule, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures) || !Fresh(failures, now)
            || failures.Count < rule.FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures.Count - rule.FreeFailures, 20);
        var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, doublings), rule.MaxWait.TotalSeconds));
        return failures.Last + wait - now;
    }

    private static bool Fresh(Failures failures, DateTimeOffset now) => now - failures.Last < Forget;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string AddressKey(string address) => "address:" + address;

    private static string AccountKey(string account) => "account:" + account.Trim().ToUpperInvariant();

    private sealed record Rule(int FreeFailures, TimeSpan MaxWait);

    private sealed record Failures(int Count, DateTimeOffset Last);
}
