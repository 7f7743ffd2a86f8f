namespace FailingWell.Tests.Support;

public static class Eventually
{
    /// <summary>Waits for something asynchronous (a scheduled job, a server) to become true.</summary>
    public static async Task<bool> TrueWithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return await condition();
    }
}
