"""The main menu of base.html: the core's pages and those the apps registered (inburgering.navigatie)."""

from django import template

from .. import navigatie

register = template.Library()


@register.simple_tag
def menu():
    return navigatie.menu()
