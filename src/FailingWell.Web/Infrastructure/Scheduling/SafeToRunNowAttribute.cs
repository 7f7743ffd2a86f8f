namespace FailingWell.Web.Infrastructure.Scheduling;

/// <summary>
/// On a job class: a second run straight after the scheduled one changes nothing more and sends nothing
/// twice, so admins may run it now from <c>/admin/jobs</c> (decision 0107). Read each job before marking it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SafeToRunNowAttribute : Attribute
{
    public static bool IsOn(Type? jobType) =>
        jobType is not null && Attribute.IsDefined(jobType, typeof(SafeToRunNowAttribute), inherit: false);
}
