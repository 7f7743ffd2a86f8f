// The namespaces nearly every slice uses; anything rarer stays a using in its own file.
global using FailingWell.Web.Domain;
global using FailingWell.Web.Infrastructure.Accounts;
global using FailingWell.Web.Infrastructure.Data;
global using FailingWell.Web.Infrastructure.Mediation;
global using FluentValidation;
global using MediatR;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
