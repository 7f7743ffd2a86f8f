namespace FailingWell.Web.Features.Admin;

/// <summary>An administrator's change to one staff account.</summary>
public abstract class AccountChange : Change<Unit>
{
    public string AccountId { get; set; } = "";
}
