using FailingWell.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Reporting;

/// <summary>/report: the address on the posters. No account; one short page; the receipt code shown once.</summary>
[IgnoreAntiforgeryToken] // Checked below, so a form left open too long comes back with its answers, not a bare error.
[CompressedForAnonymousGets]
public sealed class ReportModel(
    IMediator mediator,
    IAntiforgery antiforgery,
    ClientLimiter limiter,
    IOptions<ReportingSettings> settings) : PageModel
{
    public const string Bucket = "report";

    public const string Limited = "This report has not been sent: several reports have been sent from this device or network in the last hour. "
        + "Your answers are still below. Try again in about an hour, or copy what you wrote to keep it. "
        + "If you need to tell someone now, speak to the person in charge, your manager or your Freedom to Speak Up guardian.";

    [BindProperty]
    public SubmitReport.Command Input { get; set; } = new();

    public ReportForm.Options Form { get; private set; } = ReportForm.Options.Empty;

    public SubmitReport.Result? Sent { get; private set; }

    /// <summary>A poster's link names its place and nothing else: /report?location=12 or /report?division=3.</summary>
    public async Task OnGetAsync(int? location, int? division)
    {
        Input = new SubmitReport.Command
        {
            SubmissionId = Guid.NewGuid(),
            Where = location is { } l ? ReportForm.LocationValue(l) : division is { } d ? ReportForm.DivisionValue(d) : null,
        };
        Form = await mediator.Send(new ReportForm.Query());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Form = await mediator.Send(new ReportForm.Query());
        if (Input.SubmissionId == Guid.Empty)
        {
            Input.SubmissionId = Guid.NewGuid();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError("", "This page was open for too long to send safely. Check your answers and press 'Send report' again.");
            return Page();
        }

        if (limiter.IsLimited(HttpContext, Bucket, settings.Value.MaxReportsPerHour))
        {
            // The form again, with everything they typed: a limit must never cost a reporter their words.
            ModelState.AddModelError("", Limited);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        // Two presses of "send" give one report: the intake returns the first for the second.
        Sent = await mediator.Send(Input);
        if (Sent.IsNew)
        {
            limiter.Record(HttpContext, Bucket);
        }

        return Page();
    }
}
