using System.Runtime.InteropServices;

namespace FailingWell.Web.Infrastructure.Scheduling;

/// <summary>
/// Lowers the calling thread's scheduling priority, for background work that must not slow requests.
/// .NET does not apply <see cref="Thread.Priority"/> on Linux, so there the thread's nice value is set
/// (Linux schedules threads by their own nice value).
/// </summary>
public static class LowPriority
{
    private const int NiceWhenIdle = 19;

    public static void ForCurrentThread()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _ = NativeMethods.setpriority(NativeMethods.PrioProcess, NativeMethods.gettid(), NiceWhenIdle);
            }
            catch (EntryPointNotFoundException)
            {
                // An old C library: the work still runs, at normal priority.
            }
            catch (DllNotFoundException)
            {
            }
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
        }
    }

    private static class NativeMethods
    {
        public const int PrioProcess = 0;

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int gettid();

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int setpriority(int which, int who, int prio);
    }
}
