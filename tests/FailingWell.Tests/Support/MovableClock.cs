namespace FailingWell.Tests.Support;

/// <summary>A clock a test can move forward, in place of the system's.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
