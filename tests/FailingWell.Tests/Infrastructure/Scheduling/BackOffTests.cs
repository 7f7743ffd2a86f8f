using FailingWell.Web.Infrastructure.Scheduling;

namespace FailingWell.Tests.Infrastructure.Scheduling;

public sealed class BackOffTests
{
    [Fact]
    public void Back_off_doubles_from_its_first_wait_to_at_most_an_hour()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), BackOff.After(1, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromMinutes(8), BackOff.After(4, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromHours(1), BackOff.After(20, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(4), BackOff.After(3, TimeSpan.FromSeconds(1)));
    }
}
