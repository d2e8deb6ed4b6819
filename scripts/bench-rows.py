#!/usr/bin/env python3
"""Writes a spreadsheet of N generated listings for the command-line benchmarks (BENCHMARKS.md):
half needs, half offers, ten phrasings each in English, Spanish and Persian, twenty towns, 20,000
contacts (example.org addresses), created over ten days. Usage: bench-rows.py N > rows.csv"""
import csv, random, sys
random.seed(7)
n = int(sys.argv[1])
towns = ["Portland", "Oakland", "Flint MI", "Minneapolis", "Seattle", "Denver", "Chicago", "Houston", "Miami", "Atlanta",
         "Ciudad Juárez", "Monterrey", "Guadalajara", "Madrid", "Sevilla", "Shiraz", "Tehran", "Isfahan", "Tabriz", "Mashhad"]
needs = ["I need insulin in {}, urgent", "need 2 bags of rice in {}", "necesito pañales en {}", "we need a ride to the clinic in {}",
         "need warm coats for kids in {}", "looking for a tent in {}", "need $200 for bail in {}", "necesitamos agua en {}",
         "نیاز به پوشک در {} داریم", "need baby formula in {}"]
offers = ["can give insulin in {}", "offer: 2 bags of rice in {}", "ofrezco pañales en {}", "I can drive people to the clinic in {}",
          "have warm coats to give in {}", "spare tent available in {}", "can help with bail money, {}", "ofrezco agua en {}",
          "پوشک برای اهدا در {} داریم", "can give baby formula in {}"]


def created(day):
    # Within the ten days before today, so that most listings are still open.
    import datetime
    return (datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
            - datetime.timedelta(days=day)).strftime("%Y-%m-%dT%H:%M:%SZ")


w = csv.writer(sys.stdout)
w.writerow(["id", "text", "contact", "created"])
for i in range(n):
    t = random.choice(towns)
    text = (random.choice(needs) if random.random() < 0.5 else random.choice(offers)).format(t)
    day = 1 + random.randrange(10)
    w.writerow([f"row-{i}", text, f"person{random.randrange(20000)}@example.org", created(day)])
