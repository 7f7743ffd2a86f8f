using FailingWell.Web.Infrastructure.Email;

namespace FailingWell.Web.Features.Admin;

public sealed class OutboxModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public OutboxEmailStatus? Status { get; set; }

    // Not "page": that is the route value Razor Pages sets to the page's path, and it won over the query.
    [BindProperty(SupportsGet = true, Name = "PageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public RetryEmails.Command Retry { get; set; } = new();

    [BindProperty]
    public SendTestEmail.Command Test { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public OutboxList.Result Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await mediator.Send(new OutboxList.Query(Status, PageNumber));

    public async Task<IActionResult> OnPostRetryAsync()
    {
        Result = await mediator.Send(new OutboxList.Query(Status, PageNumber));
        var retried = await mediator.Send(Retry);
        await DeliverNowAsync();
        Done = $"{retried} email{(retried == 1 ? "" : "s")} queued again and being sent now.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        Result = await mediator.Send(new OutboxList.Query(Status, PageNumber));
        await mediator.Send(Test);
        await DeliverNowAsync();
        Done = "Test message queued and being sent now. Refresh to see whether it went.";
        return RedirectToPage();
    }

    // Rather than wait for the next scheduled run.
    private async Task DeliverNowAsync() => await mediator.Send(new DeliverEmailsNow.Command());
}
