using FailingWell.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// /report/follow-up: the code is only ever posted, never put in a URL; the session lives in an
/// encrypted hidden field (see <see cref="FollowUpSessions"/>), not in a cookie.
/// </summary>
[IgnoreAntiforgeryToken] // Checked below, so a stale form is answered on the page with what was typed kept.
[CompressedForAnonymousGets]
public sealed class FollowUpModel(
    IMediator mediator,
    IAntiforgery antiforgery,
    ClientLimiter limiter,
    FollowUpSessions sessions,
    IOptions<ReportingSettings> settings) : PageModel
{
    public const string Bucket = "receipt-code";
    public const string AttemptBucket = "receipt-attempt";
    public const string StaleForm = "This page was open for too long. Please try again.";
    public const string WrongCode = "We could not find a report with that code. Check the code and try again.";
    public const string VisitEnded = "This page has expired. For your safety, enter your receipt code again.";
    public const string SessionEnded = "For your safety, you were signed out after 20 minutes without activity. Enter your receipt code again.";

    [BindProperty]
    public OpenWithReceipt.Command Entry { get; set; } = new();

    [BindProperty]
    public ReplyToReviewer.Command Message { get; set; } = new();

    [BindProperty]
    public ReplyToGuardian.Command CaseMessage { get; set; } = new();

    [BindProperty]
    public AnswerSpeakUpQuestions.Command Answers { get; set; } = new();

    [BindProperty]
    public string? Session { get; set; }

    /// <summary>The code form's visit (see <see cref="FollowUpVisit"/>): a re-posted form of an ended visit opens nothing.</summary>
    [BindProperty]
    public string? Visit { get; set; }

    public ReadFollowUp.View? Report { get; private set; }

    /// <summary>A speak-up case the code opened, instead of a report.</summary>
    public ReadCaseFollowUp.View? Case { get; private set; }

    public bool AnswerSaved { get; private set; }

    public bool MessageSent { get; private set; }

    public void OnGet() => Visit = FollowUpVisit.Start(HttpContext);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError("Entry.Code", StaleForm);
            return EntryPage();
        }

        if (!FollowUpVisit.Matches(HttpContext, Visit))
        {
            // Back or Reload after Finish, or after the code was used: never the code again, nor what it opened.
            ModelState.Clear();
            Entry = new OpenWithReceipt.Command();
            ModelState.AddModelError("Entry.Code", VisitEnded);
            return EntryPage();
        }

        if (limiter.IsLimited(HttpContext, Bucket, settings.Value.MaxWrongCodesPerHour)
            || limiter.IsLimited(HttpContext, AttemptBucket, settings.Value.MaxCodeAttemptsPerHour))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        limiter.Record(HttpContext, AttemptBucket);
        var opened = await mediator.Send(Entry);
        if (opened is null)
        {
            limiter.Record(HttpContext, Bucket);
            ModelState.AddModelError("Entry.Code", WrongCode);
            return EntryPage();
        }

        Entry = new OpenWithReceipt.Command();
        FollowUpVisit.Start(HttpContext); // This form, re-posted, now opens nothing.
        return opened.IsSpeakUp ? await ShowCaseAsync(opened.Id) : await ShowAsync(opened.Id);
    }

    public async Task<IActionResult> OnPostCaseMessageAsync()
    {
        var caseId = sessions.OpenCase(Session, FollowUpVisit.Current(HttpContext));
        if (caseId is null)
        {
            return SignedOut();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError("CaseMessage.Body", StaleForm);
            return await ShowCaseAsync(caseId.Value, keepMessage: true);
        }

        await ShowCaseAsync(caseId.Value, keepMessage: true);
        CaseMessage.CaseId = caseId.Value;
        await mediator.Send(CaseMessage);
        MessageSent = true;
        return await ShowCaseAsync(caseId.Value);
    }

    public async Task<IActionResult> OnPostAnswerAsync()
    {
        var caseId = sessions.OpenCase(Session, FollowUpVisit.Current(HttpContext));
        if (caseId is null)
        {
            return SignedOut();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError("Answers.WouldSpeakUpAgain", StaleForm);
            return await ShowCaseAsync(caseId.Value);
        }

        await ShowCaseAsync(caseId.Value);
        Answers.CaseId = caseId.Value;
        await mediator.Send(Answers);
        AnswerSaved = true;
        return await ShowCaseAsync(caseId.Value);
    }

    /// <summary>Finish: the visit ends, so Back or Reload re-posts forms that open nothing.</summary>
    public IActionResult OnPostFinish()
    {
        FollowUpVisit.End(HttpContext);
        return Redirect("/");
    }

    private PageResult SignedOut()
    {
        ModelState.Clear();
        ModelState.AddModelError("Entry.Code", SessionEnded);
        return EntryPage();
    }

    /// <summary>The code form, on a visit of its own.</summary>
    private PageResult EntryPage()
    {
        Visit = FollowUpVisit.Start(HttpContext);
        ModelState.Remove(nameof(Visit));
        return Page();
    }

    private async Task<IActionResult> ShowCaseAsync(int caseId, bool keepMessage = false)
    {
        Case = await mediator.Send(new ReadCaseFollowUp.Query(caseId));
        Session = sessions.IssueForCase(caseId, FollowUpVisit.Current(HttpContext));
        if (!keepMessage)
        {
            ModelState.Remove("CaseMessage.Body");
            ModelState.Remove("CaseMessage.SubmissionId");
            CaseMessage = new ReplyToGuardian.Command { SubmissionId = Guid.NewGuid() };
        }
        else if (CaseMessage.SubmissionId == Guid.Empty)
        {
            CaseMessage.SubmissionId = Guid.NewGuid();
        }

        ModelState.Remove(nameof(Session));
        return Page();
    }

    public async Task<IActionResult> OnPostMessageAsync()
    {
        var reportId = sessions.Open(Session, FollowUpVisit.Current(HttpContext));
        if (reportId is null)
        {
            return SignedOut();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError("Message.Body", StaleForm);
            return await ShowAsync(reportId.Value, keepMessage: true);
        }

        // Loaded first, so that a validation failure re-renders the whole page around the message.
        await ShowAsync(reportId.Value, keepMessage: true);
        Message.ReportId = reportId.Value;
        await mediator.Send(Message);
        MessageSent = true;
        return await ShowAsync(reportId.Value);
    }

    private async Task<IActionResult> ShowAsync(int reportId, bool keepMessage = false)
    {
        Report = await mediator.Send(new ReadFollowUp.Query(reportId));
        Session = sessions.Issue(reportId, FollowUpVisit.Current(HttpContext));
        if (!keepMessage)
        {
            ModelState.Remove("Message.Body");
            ModelState.Remove("Message.SubmissionId");
            ModelState.Remove("Message.IsAdditionalInformation");
            Message = new ReplyToReviewer.Command { SubmissionId = Guid.NewGuid() };
        }
        else if (Message.SubmissionId == Guid.Empty)
        {
            Message.SubmissionId = Guid.NewGuid();
        }

        ModelState.Remove(nameof(Session));
        return Page();
    }
}
